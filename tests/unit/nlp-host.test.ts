// The NLP host (src/background/nlp-host/): the NLP side of the background, answering the service
// worker's messages; the service worker's queue that hands it scans and reads them itself when it
// cannot; the offscreen document's sender check.
import type { ActorRecord } from '@core/actors/types';
import { Detector } from '@core/detect';
import type { Allegation, Lang, Segment } from '@core/types';
import { createDetectQueue, type SegmentDetector } from '@src/background/detect-queue';
import { createImportedDetector } from '@src/background/imported-detector';
import { fromServiceWorker, type HostWorker, startHostDocument } from '@src/background/nlp-host/document';
import { createNlpHost, NO_ACTORS } from '@src/background/nlp-host/host';
import { createHostQueue, HOST_RETRY_MS, type HostTransport } from '@src/background/nlp-host/host-queue';
import { type OffscreenApi, offscreenHost } from '@src/background/nlp-host/offscreen';
import type { HostRequest } from '@src/messaging/nlp-host-protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Sentences laid end to end, offsets into one running text. */
function sentences(texts: string[]): Segment[] {
  let at = 0;
  return texts.map((text) => {
    const s = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return s;
  });
}

const PAGE = sentences([
  'Officials in Canberra said on Monday that hackers backed by Beijing had breached the computer network of the federal parliament.',
  'The weather in the capital stayed mild all week.',
  "La Chine a démenti jeudi toute implication dans l'attaque informatique visant le parlement.",
]);

/** An actor only an import knows: a sentence naming it is read only with the imported actors. */
const IMPORTED: ActorRecord = {
  id: 'Velvet Heron',
  kind: 'group',
  names: { en: ['Velvet Heron'], fr: ['Velvet Heron'] },
  state: 'KP',
  source: 'misp-galaxy:threat-actor',
};
const IMPORTED_SENTENCE = sentences([
  'Investigators blamed Velvet Heron for the intrusion into the servers of a shipping ministry.',
]);

function newHost(over: { prepareNlp?: (langs: ReadonlySet<Lang>) => Promise<void> } = {}) {
  const created: Array<readonly ActorRecord[]> = [];
  const host = createNlpHost({
    createDetector: (actors) => {
      created.push(actors);
      return actors.length > 0 ? new Detector({ actors }) : new Detector();
    },
    log: { warn: () => {} },
    ...over,
  });
  return { host, created };
}

describe('the NLP host', () => {
  it('finds what the detector finds, sentence for sentence', async () => {
    const { host } = newHost();
    const answer = await host.handle({ type: 'nlpRun', tabId: 3, segments: PAGE, actorsKey: NO_ACTORS });
    expect(answer).toEqual({ found: new Detector().detectSegments(PAGE) });
    expect((answer as { found: Allegation[] }).found.length).toBe(2);
  });

  it('asks for its actors when the run names another list, and reads with them once told', async () => {
    const { host, created } = newHost();
    const run = { type: 'nlpRun', tabId: 1, segments: IMPORTED_SENTENCE, actorsKey: 'actors-1-x' };
    expect(await host.handle(run)).toEqual({ needActors: true });
    expect(await host.handle({ type: 'nlpActors', key: 'actors-1-x', actors: [IMPORTED] })).toEqual({ ok: true });
    const answer = (await host.handle(run)) as { found: Allegation[] };
    expect(answer.found.map((a) => a.accused)).toEqual(['Velvet Heron']);
    expect(created.at(-1)).toEqual([IMPORTED]);
    // Without the import, the same sentence names nobody the detector knows.
    const plain = await newHost().host.handle({ ...run, actorsKey: NO_ACTORS });
    expect(plain).toEqual({ found: [] });
  });

  it('refuses a message that is not one of its own, with the reason', async () => {
    const { host } = newHost();
    expect(await host.handle({ type: 'scan', text: 'x' })).toEqual({ error: 'type is not an NLP host message' });
    const long = { text: 'x'.repeat(2_001), start: 0, end: 2_001 };
    const refused = await host.handle({ type: 'nlpRun', tabId: 1, segments: [long], actorsKey: NO_ACTORS });
    expect(refused).toEqual({ error: expect.stringMatching(/segments\[0\]\.text is longer than 2000/) });
    const badActor = await host.handle({ type: 'nlpActors', key: 'k', actors: [{ id: 'X', kind: 'planet' }] });
    expect(badActor).toEqual({ error: expect.stringContaining('actors[0].kind') });
  });

  it('drops a tab’s waiting runs on cancel', async () => {
    // Between two slices the queue waits for `next()`: a run stays in it until the test lets it go on.
    const pauses: Array<() => void> = [];
    const next = () => pauses.shift()?.();
    const queue = createDetectQueue({ pause: () => new Promise<void>((resolve) => pauses.push(resolve)) });
    const r = createNlpHost({ createDetector: () => new Detector(), log: { warn: () => {} }, queue });
    const many = sentences(Array.from({ length: 40 }, () => PAGE[0]?.text as string));
    const first = r.handle({ type: 'nlpRun', tabId: 5, segments: many, actorsKey: NO_ACTORS });
    const second = r.handle({ type: 'nlpRun', tabId: 5, segments: PAGE, actorsKey: NO_ACTORS });
    await Promise.resolve();
    expect(await r.handle({ type: 'nlpCancel', tabId: 5 })).toEqual({ ok: true });
    expect(await first).toEqual({ found: null });
    expect(await second).toEqual({ found: null });
    // Past its gate, in the queue between two slices.
    const third = r.handle({ type: 'nlpRun', tabId: 5, segments: many, actorsKey: NO_ACTORS });
    await vi.waitFor(() => expect(pauses).toHaveLength(1));
    expect(queue.pending(5)).toBe(1);
    await r.handle({ type: 'nlpCancel', tabId: 5 });
    next();
    expect(await third).toEqual({ found: null });
  });

  it('reads a language’s data before its first sentence in it, and a tab’s runs in their order', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { host } = newHost({
      prepareNlp: async (langs) => {
        events.push(`prepare ${[...langs].sort().join(',')}`);
        if (langs.has('fr')) await held;
      },
    });
    const french = sentences([PAGE[2]?.text as string]);
    const english = sentences([PAGE[0]?.text as string]);
    const a = host.handle({ type: 'nlpRun', tabId: 2, segments: french, actorsKey: NO_ACTORS }).then((x) => {
      events.push('french answered');
      return x;
    });
    const b = host.handle({ type: 'nlpRun', tabId: 2, segments: english, actorsKey: NO_ACTORS }).then((x) => {
      events.push('english answered');
      return x;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['prepare fr']);
    release();
    await Promise.all([a, b]);
    expect(events).toEqual(['prepare fr', 'prepare en', 'french answered', 'english answered']);
  });

  it('warms up: the detector is built and has read a sentence before the first run', () => {
    const detectSegments = vi.fn((segments: Segment[]) => new Detector().detectSegments(segments));
    const host = createNlpHost({ createDetector: () => ({ detectSegments }), log: { warn: () => {} } });
    host.warmUp();
    expect(detectSegments).toHaveBeenCalledTimes(1);
    expect(detectSegments.mock.calls[0]?.[0][0]?.text).toMatch(/hackers/);
  });
});

/** A transport to a real NLP host, recording what it was sent; `fail` makes it unreachable. */
function transportTo(host: ReturnType<typeof createNlpHost>) {
  const sent: HostRequest[] = [];
  const transport: HostTransport & { sent: HostRequest[]; fail: boolean } = {
    sent,
    fail: false,
    async send(message) {
      sent.push(message);
      if (transport.fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      // Through structured cloning, as between the service worker and the document.
      return structuredClone(await host.handle(structuredClone(message)));
    },
  };
  return transport;
}

/** A local detector that says it was used. */
function localDetector(): SegmentDetector & { calls: number } {
  const d = new Detector();
  const local = {
    calls: 0,
    detectSegments: (segments: Segment[]) => {
      local.calls++;
      return d.detectSegments(segments);
    },
  };
  return local;
}

describe("the service worker's NLP host queue", () => {
  const noActors = async () => ({ key: NO_ACTORS, actors: [] as ActorRecord[] });
  const quiet = { warn: () => {} };

  it('hands scans to the NLP host; the worker reads nothing itself', async () => {
    const transport = transportTo(newHost().host);
    const queue = createHostQueue({ transport, local: createDetectQueue(), actors: noActors, log: quiet });
    const local = localDetector();
    expect(queue.remote).toBe(true);
    expect(await queue.run(7, PAGE, () => local)).toEqual(new Detector().detectSegments(PAGE));
    expect(local.calls).toBe(0);
    expect(transport.sent.map((m) => m.type)).toEqual(['nlpRun']);
  });

  it('sends the imported actors when the NLP host asks, once', async () => {
    const { host } = newHost();
    const transport = transportTo(host);
    const actors = async () => ({ key: 'actors-1-abc', actors: [IMPORTED] });
    const queue = createHostQueue({ transport, local: createDetectQueue(), actors, log: quiet });
    const found = await queue.run(1, IMPORTED_SENTENCE, () => localDetector());
    expect(found?.map((a) => a.accused)).toEqual(['Velvet Heron']);
    await queue.run(1, IMPORTED_SENTENCE, () => localDetector());
    expect(transport.sent.map((m) => m.type)).toEqual(['nlpRun', 'nlpActors', 'nlpRun', 'nlpRun']);
  });

  it('reads the scan itself when the NLP host cannot be reached, its data first, and says so', async () => {
    const transport = transportTo(newHost().host);
    transport.fail = true;
    const warn = vi.fn();
    const prepareLocal = vi.fn(async (_langs: ReadonlySet<Lang>) => {});
    const queue = createHostQueue({
      transport,
      local: createDetectQueue(),
      prepareLocal,
      actors: noActors,
      log: { warn },
    });
    const local = localDetector();
    expect(await queue.run(2, PAGE, () => local)).toEqual(new Detector().detectSegments(PAGE));
    expect(local.calls).toBeGreaterThan(0);
    expect(prepareLocal).toHaveBeenCalledWith(new Set(['en', 'fr']));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('reading here'), expect.any(Error));
  });

  it('after a failure, reads here for a while without trying the NLP host, then tries it again', async () => {
    let clock = 1_000;
    let broken = true;
    const runs: string[] = [];
    const transport: HostTransport = {
      send: async (message) => {
        if (message.type === 'nlpRun') runs.push(broken ? 'failed' : 'answered');
        if (broken) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { found: [] };
      },
    };
    const warn = vi.fn();
    const queue = createHostQueue({
      transport,
      local: createDetectQueue(),
      actors: noActors,
      log: { warn },
      now: () => clock,
    });
    const local = localDetector();
    await queue.run(1, PAGE, () => local);
    clock += HOST_RETRY_MS - 1;
    await queue.run(1, PAGE, () => local);
    // The second scan did not try the host (each try may cost opening its document), and said nothing more.
    expect(runs).toEqual(['failed']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(local.calls).toBe(2);
    broken = false;
    clock += 1;
    expect(await queue.run(1, PAGE, () => local)).toEqual([]);
    expect(runs).toEqual(['failed', 'answered']);
    expect(local.calls).toBe(2);
  });

  it('reads the scan itself when the NLP host answers something else', async () => {
    for (const answer of [undefined, null, 'yes', { found: 'all' }, { error: 'broken' }, { needActors: true }]) {
      const transport: HostTransport = { send: async () => answer };
      const queue = createHostQueue({ transport, local: createDetectQueue(), actors: noActors, log: quiet });
      const local = localDetector();
      expect(await queue.run(3, PAGE, () => local)).toEqual(new Detector().detectSegments(PAGE));
      expect(local.calls).toBeGreaterThan(0);
    }
  });

  it('reads with the imported actors whichever side reads: it waits for them first', async () => {
    for (const transport of [transportTo(newHost().host), null]) {
      let loaded: (list: { key: string; actors: ActorRecord[] }) => void = () => {};
      const pending = new Promise<{ key: string; actors: ActorRecord[] }>((resolve) => {
        loaded = resolve;
      });
      const detectors: Array<readonly ActorRecord[]> = [];
      const local = createDetectQueue();
      const queue = createHostQueue({ transport, local, actors: () => pending, log: quiet });
      const found = queue.run(6, IMPORTED_SENTENCE, () => {
        detectors.push([IMPORTED]);
        return new Detector({ actors: [IMPORTED] });
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(detectors).toEqual([]);
      if (transport !== null) expect(transport.sent).toEqual([]);
      loaded({ key: 'actors-1-abc', actors: [IMPORTED] });
      expect((await found)?.map((a) => a.accused)).toEqual(['Velvet Heron']);
    }
  });

  it('without an NLP host (Firefox), reads everything itself', async () => {
    const queue = createHostQueue({ transport: null, local: createDetectQueue(), actors: noActors, log: quiet });
    const local = localDetector();
    expect(queue.remote).toBe(false);
    expect(await queue.run(4, PAGE, () => local)).toEqual(new Detector().detectSegments(PAGE));
    expect(local.calls).toBeGreaterThan(0);
  });

  it("answers a tab's scans in their order, and drops those a cancel overtook", async () => {
    const answers: Array<(x: unknown) => void> = [];
    const sent: HostRequest[] = [];
    const transport: HostTransport = {
      send: (message) => {
        sent.push(message);
        if (message.type === 'nlpCancel') return Promise.resolve({ ok: true });
        return new Promise((resolve) => answers.push(resolve));
      },
    };
    const queue = createHostQueue({ transport, local: createDetectQueue(), actors: noActors, log: quiet });
    const order: string[] = [];
    const a = queue
      .run(9, PAGE.slice(0, 1), () => localDetector())
      .then((x) => order.push(`a ${x === null ? 'null' : x.length}`));
    const b = queue
      .run(9, PAGE.slice(2), () => localDetector())
      .then((x) => order.push(`b ${x === null ? 'null' : x.length}`));
    expect(queue.pending(9)).toBe(2);
    await vi.waitFor(() => expect(answers.length).toBe(1));
    // The second scan waits for the first: one run at a time for a tab.
    expect(sent.filter((m) => m.type === 'nlpRun')).toHaveLength(1);
    queue.cancel(9);
    expect(sent.at(-1)).toEqual({ type: 'nlpCancel', tabId: 9 });
    answers[0]?.({ found: [] });
    await Promise.all([a, b]);
    expect(order).toEqual(['a null', 'b null']);
    expect(sent.filter((m) => m.type === 'nlpRun')).toHaveLength(1);
    expect(queue.pending(9)).toBe(0);
  });
});

/** A browser whose offscreen document can be opened, closed, and made to refuse. */
function fakeOffscreen() {
  const state = { open: 0, created: 0, refuse: false, sent: [] as HostRequest[] };
  const api: OffscreenApi = {
    url: 'chrome-extension://x/nlp-host.html',
    openCount: async () => state.open,
    create: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (state.refuse) throw new Error('refused');
      if (state.open > 0) throw new Error('Only a single offscreen document may be created.');
      state.created++;
      state.open = 1;
    },
    // No listener, no answer: undefined, as runtime.sendMessage gives when nothing answers.
    sendMessage: async (message) => {
      state.sent.push(message);
      return state.open > 0 ? { ok: true } : undefined;
    },
  };
  return { state, host: offscreenHost(api) };
}

describe("the NLP host's document (Chrome's offscreen API)", () => {
  const cancel: HostRequest = { type: 'nlpCancel', tabId: 1 };
  const run: HostRequest = { type: 'nlpRun', tabId: 1, segments: [], actorsKey: NO_ACTORS };

  it('is none where the browser has no offscreen documents', () => {
    expect(offscreenHost(null)).toBeNull();
  });

  it('opens the document once for messages sent together, and only when none is open', async () => {
    const { state, host } = fakeOffscreen();
    await Promise.all([host?.send(run), host?.send(run), host?.open()]);
    expect(state.created).toBe(1);
    await host?.open();
    expect(state.created).toBe(1);
  });

  it('opens it again when it closed itself since, and sends the message there', async () => {
    const { state, host } = fakeOffscreen();
    await host?.send(run);
    state.open = 0;
    expect(await host?.send(run)).toEqual({ ok: true });
    expect(state.created).toBe(2);
  });

  it('sends messages in the order they are given, while the document opens too (a cancel never overtakes a run)', async () => {
    // However many microtasks pass between the cancel and the run, the document gets the cancel first.
    for (let ticks = 0; ticks < 40; ticks++) {
      const { state, host } = fakeOffscreen();
      state.open = 1;
      const prewarm = host?.open();
      const cancelled = host?.send(cancel, { open: false });
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      const ran = host?.send(run);
      await Promise.all([prewarm, cancelled, ran]);
      expect(
        state.sent.map((m) => m.type),
        `after ${ticks} microtasks`,
      ).toEqual(['nlpCancel', 'nlpRun']);
    }
  });

  it('sends a cancel only to a document it knows is open: a cancel opens nothing', async () => {
    const { state, host } = fakeOffscreen();
    expect(await host?.send(cancel, { open: false })).toEqual({ ok: true });
    expect(state).toMatchObject({ created: 0, sent: [] });
  });

  it('fails when the document cannot be opened, and tries again at the next message', async () => {
    const { state, host } = fakeOffscreen();
    state.refuse = true;
    await expect(host?.send(run)).rejects.toThrow('refused');
    state.refuse = false;
    expect(await host?.send(run)).toEqual({ ok: true });
    expect(state.created).toBe(1);
  });
});

describe('the NLP host’s document', () => {
  afterEach(() => {
    vi.useRealTimers();
    fakeBrowser.reset();
  });

  /** A worker that answers each relayed message with its id, and the document around it. */
  function startDocument(idleMs: number) {
    const relayed: unknown[] = [];
    const worker: HostWorker = {
      onmessage: null,
      onerror: null,
      postMessage(data) {
        relayed.push(data.message);
        queueMicrotask(() => worker.onmessage?.({ data: { id: data.id, answer: { found: [] } } } as MessageEvent));
      },
    };
    const close = vi.fn();
    startHostDocument(() => worker, close, idleMs);
    const workerUrl = browser.runtime.getURL('/background.js');
    const fromWorker = { id: browser.runtime.id, url: workerUrl };
    return { worker, relayed, close, fromWorker };
  }
  const run = { type: 'nlpRun', tabId: 1, segments: [], actorsKey: NO_ACTORS };

  it("relays the service worker's messages to its worker, and answers with the worker's answer", async () => {
    const { relayed, fromWorker } = startDocument(60_000);
    const answers = await fakeBrowser.runtime.onMessage.trigger(run, fromWorker, () => {});
    expect(answers).toEqual([{ found: [] }]);
    expect(relayed).toEqual([run]);
    // A content script's message is not its to answer, nor to relay.
    const fromPage = { id: browser.runtime.id, url: 'https://news.example/', tab: { id: 3 } };
    const sender = fromPage as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    expect(await fakeBrowser.runtime.onMessage.trigger(run, sender, () => {})).toEqual([undefined]);
    expect(relayed).toHaveLength(1);
  });

  it('closes itself after its idle time without a message, each message starting it again', async () => {
    vi.useFakeTimers();
    const { close, fromWorker } = startDocument(1_000);
    vi.advanceTimersByTime(900);
    await fakeBrowser.runtime.onMessage.trigger(run, fromWorker, () => {});
    vi.advanceTimersByTime(900);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('closes when its worker fails to start (the service worker then reads itself)', () => {
    const { worker, close } = startDocument(60_000);
    worker.onerror?.({ message: 'SyntaxError' } as ErrorEvent);
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe("the NLP host document's sender check", () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const workerUrl = `chrome-extension://${id}/background.js`;
  const run = { type: 'nlpRun', tabId: 1, segments: [], actorsKey: NO_ACTORS };

  it('relays NLP host messages from the extension’s service worker only', () => {
    expect(fromServiceWorker(run, { id, url: workerUrl }, id, workerUrl)).toBe(true);
    // A content script (any page can make ours send what it reads), another extension page, another extension.
    expect(fromServiceWorker(run, { id, url: 'https://news.example/', tab: { id: 3 } }, id, workerUrl)).toBe(false);
    expect(fromServiceWorker(run, { id, url: workerUrl, tab: { id: 3 } }, id, workerUrl)).toBe(false);
    expect(fromServiceWorker(run, { id, url: `chrome-extension://${id}/popup.html` }, id, workerUrl)).toBe(false);
    expect(fromServiceWorker(run, { id: 'other', url: workerUrl }, id, workerUrl)).toBe(false);
    // Its own messages only: a scan is the service worker's to answer.
    expect(fromServiceWorker({ type: 'scan' }, { id, url: workerUrl }, id, workerUrl)).toBe(false);
  });
});

describe('the imported actors’ key', () => {
  it('names the list, and changes when an import changes it', async () => {
    let list: ActorRecord[] = [];
    const detectors = createImportedDetector(
      async () => list,
      () => {},
      (actors) => new Detector({ actors }),
    );
    expect(await detectors.snapshot()).toEqual({ key: NO_ACTORS, actors: [] });
    list = [IMPORTED];
    await detectors.reload();
    const first = await detectors.snapshot();
    expect(first.actors).toEqual([IMPORTED]);
    expect(first.key).not.toBe(NO_ACTORS);
    list = [{ ...IMPORTED, state: 'CN' }];
    await detectors.reload();
    expect((await detectors.snapshot()).key).not.toBe(first.key);
  });
});
