import type { Allegation, Lang, Segment } from '@core/types';
import type { Badge } from '@src/background/badge';
import { createDetectQueue } from '@src/background/detect-queue';
import type { Library } from '@src/background/library';
import { NO_ACTORS } from '@src/background/nlp-host/host';
import { createHostQueue } from '@src/background/nlp-host/host-queue';
import { createMemoryReportStore, createReportStore, type SessionArea } from '@src/background/report-store';
import { type BackgroundDeps, createBackgroundService, RejectedMessage, type Sender } from '@src/background/service';
import { LIMITS } from '@src/messaging/protocol';
import { describe, expect, it, vi } from 'vitest';
import { testAllegation, testStatement } from './fixtures';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;

const contentScript: Sender = { id: RUNTIME_ID, url: 'https://www.lesoir.be/article', tab: { id: 7 }, frameId: 0 };
const popup: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/popup.html` };
const popupInTab: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/popup.html?tab=7`, tab: { id: 9 }, frameId: 0 };

function allegationFor(s: Segment): Allegation {
  const { counterStatements: _, ...allegation } = testAllegation('RU', {
    text: s.text,
    start: s.start,
    end: s.end,
    accuser: null,
    confidence: 0.9,
  });
  return allegation;
}

/** The extension's queue where there is no NLP host (Firefox): the worker reads, after its languages' data. */
function readingHere(prepareLocal: (langs: ReadonlySet<Lang>) => Promise<void>) {
  return createHostQueue({
    transport: null,
    local: createDetectQueue(),
    prepareLocal,
    actors: async () => ({ key: NO_ACTORS, actors: [] }),
    log: { warn: () => {} },
  });
}

function setup(extra: Partial<BackgroundDeps> = {}) {
  const opened: number[] = [];
  const created = vi.fn();
  const detectSegments = vi.fn((segments: Segment[]) =>
    segments.filter((s) => /hack/i.test(s.text)).map(allegationFor),
  );
  const badgeCounts: Array<[number, number]> = [];
  const badge: Badge = {
    setCount: async (tabId, count) => {
      badgeCounts.push([tabId, count]);
    },
  };
  const reports = createMemoryReportStore();
  const log = { warn: vi.fn() };
  const counterStatements = vi.fn<Library['counterStatements']>(async () => []);
  const library: Library = {
    ready: async () => {},
    counterStatements,
    listPacks: async () => [],
    importPack: async () => ({ ok: false, error: 'stub', issues: ['stub'] }),
    exportPack: async () => undefined,
    exportAll: async () => ({ format: 'counterpoint-export', exportedAt: '2026-01-01T00:00:00Z', packs: [] }),
    removePack: async () => ({ ok: true, removed: false }),
    importMispGalaxy: async () => ({ ok: false, error: 'stub', issues: ['stub'] }),
    incidentTimeline: async () => null,
    searchStatements: async () => [],
    statementsByKey: async () => [],
  };
  const service = createBackgroundService({
    createDetector: () => {
      created();
      return { detectSegments };
    },
    reports,
    badge,
    library,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    log,
    now: () => 1_700_000_000_000,
    openReport: async (tabId) => {
      opened.push(tabId);
    },
    ...extra,
  });
  return { service, created, detectSegments, badgeCounts, reports, log, counterStatements, opened };
}

/** A slice of page text: the background segments it (the second sentence is kept as the first one's context). */
const scanMessage = {
  type: 'scan',
  mode: 'replace',
  offset: 0,
  text: `Russian hackers hit a bank.${'\n'.repeat(13)}It rained.`,
};

describe('background service: scan', () => {
  it('detects, stores the tab report and sets the badge', async () => {
    const { service, badgeCounts, reports } = setup();
    const response = (await service.handleMessage(scanMessage, contentScript)) as { allegations: Allegation[] };
    expect(response.allegations).toHaveLength(1);
    expect(response.allegations[0]?.accused).toBe('RU');
    expect(response.allegations[0]).toMatchObject({ counterStatements: [] });
    expect(badgeCounts).toEqual([[7, 1]]);
    await service.settled(7);
    expect(await reports.get(7)).toEqual({
      tabId: 7,
      page: expect.any(String),
      matching: false,
      allegations: response.allegations,
      sentenceCount: 2,
      scannedAt: 1_700_000_000_000,
      readTo: scanMessage.text.length,
    });
  });

  it('lets the NLP read its data for the languages of the sentences about to be read, before reading them', async () => {
    const events: string[] = [];
    let release = () => {};
    const prepareNlp = vi.fn(
      (langs: ReadonlySet<Lang>) =>
        new Promise<void>((resolve) => {
          events.push(`prepare ${[...langs].sort().join(',')}`);
          release = resolve;
        }),
    );
    const { service, detectSegments } = setup({ detectQueue: readingHere(prepareNlp) });
    detectSegments.mockImplementation((segments: Segment[]) => {
      events.push(`detect ${segments.length}`);
      return [];
    });
    const french = service.handleMessage(
      {
        type: 'scan',
        mode: 'replace',
        offset: 0,
        text: 'Selon Bruxelles, des pirates informatiques liés à Moscou ont piraté les serveurs du ministère belge.',
      },
      contentScript,
    );
    await vi.waitFor(() => expect(events).toEqual(['prepare fr']));
    // Nothing is read until the data is in.
    expect(detectSegments).not.toHaveBeenCalled();
    release();
    await french;
    expect(events).toEqual(['prepare fr', 'detect 1']);
    const english = service.handleMessage(scanMessage, { ...contentScript, tab: { id: 8 } });
    await vi.waitFor(() => expect(events).toHaveLength(3));
    release();
    await english;
    expect(events.slice(2)).toEqual(['prepare en', 'detect 2']);
    // A page with no candidate sentence asks for nothing.
    await service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: 'It rained.' }, contentScript);
    expect(prepareNlp).toHaveBeenCalledTimes(2);
  });

  it('keeps a tab’s scans in order while one waits for the NLP data, and drops one a newer page replaced', async () => {
    const releases: Array<() => void> = [];
    const prepareNlp = vi.fn(() => new Promise<void>((resolve) => releases.push(resolve)));
    const { service, detectSegments, reports } = setup({ detectQueue: readingHere(prepareNlp) });
    const read: string[] = [];
    detectSegments.mockImplementation((segments: Segment[]) => {
      for (const s of segments) read.push(s.text.slice(0, 12));
      return segments.filter((s) => /pirat|hack/i.test(s.text)).map(allegationFor);
    });
    const french = 'Des pirates informatiques liés à Moscou ont piraté les serveurs du ministère.';
    // A page's first scan waits for its data; its next slice arrives meanwhile and waits behind it.
    const first = service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: french }, contentScript);
    const second = service.handleMessage(
      { type: 'scan', mode: 'append', offset: french.length, text: ' Russian hackers hit a bank.' },
      contentScript,
    );
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    expect(read).toEqual([]);
    releases[0]?.();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]?.();
    await Promise.all([first, second]);
    expect(read).toEqual(['Des pirates ', 'Russian hack']);
    await service.settled(7);
    expect((await reports.get(7))?.allegations.map((a) => a.text.slice(0, 12))).toEqual([
      'Des pirates ',
      'Russian hack',
    ]);

    // A scan still waiting when the tab shows a new page: dropped, the new page's report stands.
    const stale = service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: french }, contentScript);
    await vi.waitFor(() => expect(releases).toHaveLength(3));
    const fresh = service.handleMessage(scanMessage, contentScript);
    releases[2]?.();
    await vi.waitFor(() => expect(releases).toHaveLength(4));
    releases[3]?.();
    expect(await stale).toEqual({ allegations: [] });
    expect(((await fresh) as { allegations: Allegation[] }).allegations).toHaveLength(1);
    await service.settled(7);
    expect((await reports.get(7))?.allegations.map((a) => a.text)).toEqual(['Russian hackers hit a bank.']);
  });

  it('creates the detector once, lazily', async () => {
    const { service, created } = setup();
    expect(created).not.toHaveBeenCalled();
    await service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: '' }, contentScript);
    expect(created).not.toHaveBeenCalled();
    await service.handleMessage(scanMessage, contentScript);
    await service.handleMessage(scanMessage, { ...contentScript, tab: { id: 8 } });
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('an empty scan replaces the previous report and clears the count', async () => {
    const { service, badgeCounts, reports } = setup();
    await service.handleMessage(scanMessage, contentScript);
    await service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: '' }, contentScript);
    expect((await reports.get(7))?.allegations).toEqual([]);
    expect(badgeCounts.at(-1)).toEqual([7, 0]);
  });

  it('never stores the page URL, but matches with it', async () => {
    const { service, reports, counterStatements } = setup();
    await service.handleMessage(scanMessage, contentScript);
    expect(JSON.stringify(await reports.get(7))).not.toContain('lesoir');
    expect(counterStatements).toHaveBeenCalledWith(
      {
        text: 'Russian hackers hit a bank.',
        stance: 'accusation',
        accused: 'RU',
        accuser: null,
        action: 'intrusion',
        pageUrl: 'https://www.lesoir.be/article',
      },
      5,
      expect.any(Map),
    );
  });

  it('still answers with the allegations when the counter-statement lookup fails', async () => {
    const { service, counterStatements, log, badgeCounts } = setup();
    counterStatements.mockRejectedValue(new Error('IndexedDB is gone'));
    const response = (await service.handleMessage(scanMessage, contentScript)) as { allegations: Allegation[] };
    expect(response.allegations).toHaveLength(1);
    expect(response.allegations[0]).toMatchObject({ accused: 'RU', counterStatements: [] });
    expect(badgeCounts).toEqual([[7, 1]]);
    await service.settled(7);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('lookup failed'), expect.any(Error));
  });

  it.each<[string, Sender]>([
    ['another extension', { ...contentScript, id: 'other' }],
    ['a sender without a tab', { id: RUNTIME_ID, url: 'https://www.lesoir.be/' }],
    ['a sub-frame', { ...contentScript, frameId: 3 }],
    ['an extension page', popupInTab],
  ])('rejects a scan from %s', async (_, sender) => {
    const { service, detectSegments, log } = setup();
    await expect(service.handleMessage(scanMessage, sender)).rejects.toBeInstanceOf(RejectedMessage);
    expect(detectSegments).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('rejected "scan"'));
  });

  it('rejects an invalid payload with a logged reason', async () => {
    const { service, log, reports } = setup();
    const bad = { type: 'scan', mode: 'replace', offset: -1, text: 'abc' };
    await expect(service.handleMessage(bad, contentScript)).rejects.toThrow(/offset/);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/rejected "scan" message: offset/));
    expect(await reports.get(7)).toBeNull();
  });

  it('rejects a payload carrying the page URL', async () => {
    const { service } = setup();
    await expect(service.handleMessage({ ...scanMessage, url: 'https://x' }, contentScript)).rejects.toThrow();
  });
});

describe('background service: getTabReport', () => {
  it('answers the popup and the popup page opened in a tab', async () => {
    const { service } = setup();
    await service.handleMessage(scanMessage, contentScript);
    for (const sender of [popup, popupInTab]) {
      const { report } = (await service.handleMessage({ type: 'getTabReport', tabId: 7 }, sender)) as {
        report: { allegations: Allegation[] } | null;
      };
      expect(report?.allegations).toHaveLength(1);
    }
  });

  it('answers null for an unscanned tab', async () => {
    const { service } = setup();
    await expect(service.handleMessage({ type: 'getTabReport', tabId: 99 }, popup)).resolves.toEqual({ report: null });
  });

  it.each<[string, Sender]>([
    ['a content script', contentScript],
    ['a content script without url', { id: RUNTIME_ID, tab: { id: 7 } }],
    ['another extension', { id: 'other', url: `chrome-extension://other/popup.html` }],
    ['a look-alike origin', { id: RUNTIME_ID, url: `${ORIGIN}.evil.example/popup.html` }],
    ['a web page', { url: 'https://www.lesoir.be/', tab: { id: 7 } }],
  ])('refuses %s', async (_, sender) => {
    const { service } = setup();
    await service.handleMessage(scanMessage, contentScript);
    await expect(service.handleMessage({ type: 'getTabReport', tabId: 7 }, sender)).rejects.toBeInstanceOf(
      RejectedMessage,
    );
  });

  it('validates the tab id', async () => {
    const { service } = setup();
    await expect(service.handleMessage({ type: 'getTabReport', tabId: '7' }, popup)).rejects.toThrow(/tabId/);
  });
});

describe('background service: other messages', () => {
  it('ignores unknown types so other listeners may answer', () => {
    const { service, log } = setup();
    expect(service.handleMessage({ type: 'hello' }, popup)).toBeUndefined();
    expect(service.handleMessage('scan', contentScript)).toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('forgets closed tabs', async () => {
    const { service, reports } = setup();
    await service.handleMessage(scanMessage, contentScript);
    await service.forgetTab(7);
    expect(await reports.get(7)).toBeNull();
  });
});

describe('report store', () => {
  const report = { tabId: 3, allegations: [], sentenceCount: 0, scannedAt: 1 };

  it('uses storage.session when available', async () => {
    const data: Record<string, unknown> = {};
    const session: SessionArea = {
      get: async (key) => (key === null ? { ...data } : key in data ? { [key]: data[key] } : {}),
      set: async (items) => {
        Object.assign(data, items);
      },
      remove: async (key) => {
        delete data[key];
      },
    };
    const store = createReportStore(session);
    await store.set(report);
    // Stored compact (see tests/unit/report-store.test.ts), read back whole.
    expect(Object.keys(data)).toEqual(['report:3']);
    // A fresh store (a restarted worker) still finds it.
    expect(await createReportStore(session).get(3)).toEqual(report);
    await store.delete(3);
    expect(await createReportStore(session).get(3)).toBeNull();
  });

  it('falls back to memory when storage.session fails', async () => {
    const failing: SessionArea = {
      get: () => Promise.reject(new Error('boom')),
      set: () => Promise.reject(new Error('quota')),
      remove: () => Promise.reject(new Error('boom')),
    };
    const onError = vi.fn();
    const store = createReportStore(failing, onError);
    await store.set(report);
    expect(await store.get(3)).toEqual(report);
    expect(onError).toHaveBeenCalled();
  });

  it('falls back to memory when storage.session is missing', async () => {
    const store = createReportStore(undefined);
    await store.set(report);
    expect(await store.get(3)).toEqual(report);
  });
});

describe('background service: appended scans and the card\'s "more" link', () => {
  it('an append extends the tab report in order; a replace starts it again', async () => {
    const { service, reports, badgeCounts } = setup();
    await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text: 'Russian hackers hit a bank.' },
      contentScript,
    );
    const appended = (await service.handleMessage(
      { type: 'scan', mode: 'append', offset: 500, text: 'Iranian hackers hit a port.' },
      contentScript,
    )) as { allegations: Allegation[] };
    // The answer holds only what this scan found; the report holds the page's whole list.
    expect(appended.allegations.map((a) => a.start)).toEqual([500]);
    const report = await reports.get(7);
    expect(report?.allegations.map((a) => a.start)).toEqual([0, 500]);
    expect(report?.sentenceCount).toBe(2);
    expect(badgeCounts.at(-1)).toEqual([7, 2]);
    await service.handleMessage({ type: 'scan', mode: 'replace', offset: 0, text: '' }, contentScript);
    expect((await reports.get(7))?.allegations).toEqual([]);
    expect(badgeCounts.at(-1)).toEqual([7, 0]);
  });

  it('refuses an unknown scan mode', async () => {
    const { service } = setup();
    await expect(
      service.handleMessage({ type: 'scan', mode: 'merge', offset: 0, text: '' }, contentScript),
    ).rejects.toThrow(/mode/);
  });

  it("opens the report of the sender's own tab only, and only for a content script", async () => {
    const { service, opened } = setup();
    await expect(service.handleMessage({ type: 'openReport' }, contentScript)).resolves.toEqual({ ok: true });
    expect(opened).toEqual([7]);
    await expect(service.handleMessage({ type: 'openReport', tabId: 9 }, contentScript)).rejects.toThrow(/exactly/);
    await expect(
      service.handleMessage({ type: 'openReport' }, { ...contentScript, id: 'another-extension' }),
    ).rejects.toThrow(/not this extension/);
    expect(opened).toEqual([7]);
  });

  it("injects the content script's UI into the sender's own tab only, and only for a content script's top frame", async () => {
    const injected: number[] = [];
    const { service } = setup({
      injectContentUi: async (tabId: number) => {
        injected.push(tabId);
      },
    });
    await expect(service.handleMessage({ type: 'loadContentUi' }, contentScript)).resolves.toEqual({ ok: true });
    expect(injected).toEqual([7]);
    // Which tab or file is not the sender's to say.
    await expect(service.handleMessage({ type: 'loadContentUi', tabId: 9 }, contentScript)).rejects.toThrow(/exactly/);
    await expect(service.handleMessage({ type: 'loadContentUi', file: '/x.js' }, contentScript)).rejects.toThrow(
      /exactly/,
    );
    await expect(service.handleMessage({ type: 'loadContentUi' }, { ...contentScript, frameId: 3 })).rejects.toThrow(
      /top frame/,
    );
    await expect(service.handleMessage({ type: 'loadContentUi' }, popup)).rejects.toThrow(/not a tab/);
    await expect(
      service.handleMessage({ type: 'loadContentUi' }, { ...contentScript, id: 'another-extension' }),
    ).rejects.toThrow(/not this extension/);
    expect(injected).toEqual([7]);
    // Without a way to inject (a test double, say), the answer says so.
    await expect(setup().service.handleMessage({ type: 'loadContentUi' }, contentScript)).resolves.toEqual({
      ok: false,
    });
  });
});

describe('background service: counter-statements after the allegations', () => {
  const view = (id: string) => testStatement(id, { speakerActor: 'RU', why: 'denial by the accused (RU)' });

  it('answers the page first, then stores each allegation’s counter-statements in its own slot', async () => {
    const { service, reports, counterStatements } = setup();
    counterStatements.mockImplementation(async (q) => [view(`pack/${q.text.slice(0, 7)}`)]);
    const first = (await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text: 'Russian hackers hit a bank.' },
      contentScript,
    )) as { allegations: Array<{ counterStatements: unknown[] }> };
    expect(first.allegations[0]?.counterStatements).toEqual([]);
    await service.handleMessage(
      { type: 'scan', mode: 'append', offset: 900, text: 'Belarusian hackers hit a port.' },
      contentScript,
    );
    const ask = (index: number) => service.handleMessage({ type: 'getCounterStatements', index }, contentScript);
    expect(await ask(1)).toEqual({ counterStatements: [view('pack/Belarus')] });
    expect(await ask(0)).toEqual({ counterStatements: [view('pack/Russian')] });
    const report = await reports.get(7);
    expect(report?.allegations.map((a) => a.counterStatements.map((c) => c.id))).toEqual([
      ['pack/Russian'],
      ['pack/Belarus'],
    ]);
    expect(report?.matching).toBe(false);
  });

  it('drops late answers for a page the tab has left', async () => {
    const { service, reports, counterStatements } = setup();
    let release: () => void = () => {};
    counterStatements.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          release = () => resolve([view('pack/old-page')]);
        }),
    );
    await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text: 'Russian hackers hit a bank.' },
      contentScript,
    );
    expect((await reports.get(7))?.matching).toBe(true);
    // The tab loads another page (SPA navigation) before the lookup ends.
    counterStatements.mockResolvedValue([view('pack/new-page')]);
    await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text: 'Iranian hackers hit a dam.' },
      contentScript,
    );
    release();
    await service.settled(7);
    const report = await reports.get(7);
    expect(report?.allegations.map((a) => a.text)).toEqual(['Iranian hackers hit a dam.']);
    expect(report?.allegations[0]?.counterStatements.map((c) => c.id)).toEqual(['pack/new-page']);
  });

  it('answers only the sender’s own tab, and refuses bad requests', async () => {
    const { service } = setup();
    await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text: 'Russian hackers hit a bank.' },
      contentScript,
    );
    const other = { ...contentScript, tab: { id: 8 } };
    expect(await service.handleMessage({ type: 'getCounterStatements', index: 0 }, other)).toEqual({
      counterStatements: null,
    });
    await expect(service.handleMessage({ type: 'getCounterStatements', index: -1 }, contentScript)).rejects.toThrow(
      /index/,
    );
    await expect(
      service.handleMessage({ type: 'getCounterStatements', index: 0, tabId: 8 }, contentScript),
    ).rejects.toThrow(/exactly/);
    await expect(service.handleMessage({ type: 'getCounterStatements', index: 0 }, popupInTab)).rejects.toThrow(
      /extension page/,
    );
  });
});

describe('background service: a page that keeps adding text', () => {
  it('stops growing the report at the cap, and answers only what it reports', async () => {
    const { service, reports } = setup();
    const batch = (from: number) => ({
      type: 'scan',
      mode: from === 0 ? 'replace' : 'append',
      offset: from * 100,
      text: Array.from({ length: 400 }, (_, i) => `Hackers struck target ${from + i}.`).join('\n'),
    });
    const sizes: number[] = [];
    for (const from of [0, 400, 800]) {
      const answer = (await service.handleMessage(batch(from), contentScript)) as { allegations: unknown[] };
      sizes.push(answer.allegations.length);
    }
    expect(sizes).toEqual([400, 400, LIMITS.maxReportAllegations - 800]);
    expect((await reports.get(7))?.allegations).toHaveLength(LIMITS.maxReportAllegations);
  });
});
