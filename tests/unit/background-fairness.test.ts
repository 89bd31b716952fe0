// A page controls what it sends, not the background's time: NLP in slices shared fairly
// between tabs, budgets per message and per page, no NLP once a report is full (issue 10, item 5).
import { Detector } from '@core/detect';
import type { Allegation, Segment } from '@core/types';
import type { Badge } from '@src/background/badge';
import { createDetectQueue, type SegmentDetector } from '@src/background/detect-queue';
import type { Library } from '@src/background/library';
import { createMemoryReportStore } from '@src/background/report-store';
import { createBackgroundService, type Sender } from '@src/background/service';
import { LIMITS, type ScanResponse } from '@src/messaging/protocol';
import { describe, expect, it, vi } from 'vitest';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const tab = (id: number): Sender => ({ id: RUNTIME_ID, url: `https://news.example/${id}`, tab: { id }, frameId: 0 });

function allegationOf(s: Segment): Allegation {
  return {
    text: s.text,
    start: s.start,
    end: s.end,
    lang: 'en',
    stance: 'accusation',
    accused: 'RU',
    accuser: null,
    target: null,
    action: 'intrusion',
    hedged: false,
    confidence: 0.9,
  };
}

/** Sentences laid end to end, offsets into one running text. */
function sentences(texts: string[], from = 0): Segment[] {
  let at = from;
  return texts.map((text) => {
    const s = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return s;
  });
}

/** A detector that finds one allegation per sentence and records what it read, sentence by sentence. */
function countingDetector(): SegmentDetector & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    detectSegments: (segments) =>
      segments.map((s) => {
        read.push(s.text);
        return allegationOf(s);
      }),
    *detectEach(segments) {
      for (const s of segments) {
        read.push(s.text);
        yield allegationOf(s);
      }
    },
  };
}

const library: Library = {
  ready: async () => {},
  counterStatements: async () => [],
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

/** Each line of a slice is a sentence: the budgets are tested apart from the prefilter (which the real-detector tests use). */
function lines(text: string, offset: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line !== '') out.push({ start: offset + at, end: offset + at + line.length, text: line });
    at += line.length + 1;
  }
  return out;
}

/** The scan message that carries `list` (sentences in one running text) as the content script would: one slice of text. */
function sliceOf(list: readonly Segment[]): { offset: number; text: string } {
  const offset = list[0]?.start ?? 0;
  let text = '';
  for (const s of list) text += '\n'.repeat(Math.max(0, s.start - offset - text.length)) + s.text;
  return { offset, text };
}

function service(detector: () => SegmentDetector, now?: () => number, options: { prefilter?: boolean } = {}) {
  const reports = createMemoryReportStore();
  const badge: Badge = { setCount: async () => {} };
  const changed: number[] = [];
  const svc = createBackgroundService({
    createDetector: detector,
    reports,
    badge,
    library,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    log: { warn: vi.fn() },
    reportChanged: (tabId) => changed.push(tabId),
    ...(options.prefilter === true ? {} : { sentencesOf: lines }),
    ...(now !== undefined ? { now } : {}),
  });
  const scanText = (tabId: number, mode: 'replace' | 'append', text: string, offset = 0) =>
    svc.handleMessage({ type: 'scan', mode, offset, text }, tab(tabId)) as Promise<ScanResponse>;
  const scan = (tabId: number, mode: 'replace' | 'append', list: Segment[]) => {
    const slice = sliceOf(list);
    return scanText(tabId, mode, slice.text, slice.offset);
  };
  return { svc, reports, scan, scanText, changed };
}

describe('the detection queue', () => {
  it('detects in slices and yields between them', async () => {
    const detector = countingDetector();
    const pauses: number[] = [];
    const queue = createDetectQueue({
      sliceChars: 100,
      pause: async () => {
        pauses.push(detector.read.length);
        await new Promise((r) => setTimeout(r, 0));
      },
    });
    const list = sentences(Array.from({ length: 10 }, (_, i) => `${'x'.repeat(49)}${i}`));
    const found = await queue.run(1, list, () => detector);
    expect(found?.map((a) => a.text)).toEqual(list.map((s) => s.text));
    // 50 characters a sentence, 100 a slice: two sentences, then a pause.
    expect(pauses).toEqual([2, 4, 6, 8, 10]);
  });

  it("serves the tab that used the least: a new tab's job overtakes another tab's backlog", async () => {
    const detector = countingDetector();
    const queue = createDetectQueue({ sliceChars: 100 });
    const done: string[] = [];
    const big = (n: number) => sentences(Array.from({ length: 40 }, (_, i) => `hostile ${n} ${'y'.repeat(60)} ${i}`));
    const hostile = [1, 2, 3].map((n) => queue.run(7, big(n), () => detector).then(() => done.push(`hostile ${n}`)));
    // The hostile tab's first slice ran as its first job came in; then the normal tab's job comes.
    const normal = queue
      .run(8, sentences(['A normal sentence.', 'Another one.']), () => detector)
      .then(() => done.push('normal'));
    await Promise.all([...hostile, normal]);
    expect(done).toEqual(['normal', 'hostile 1', 'hostile 2', 'hostile 3']);
    // The normal tab's sentences were read right after the hostile tab's first slice.
    const firstNormal = detector.read.indexOf('A normal sentence.');
    expect(firstNormal).toBe(1);
  });

  it('drops the jobs of a cancelled tab, and a failing job fails alone', async () => {
    const detector = countingDetector();
    const queue = createDetectQueue({ sliceChars: 10 });
    const list = sentences(Array.from({ length: 20 }, (_, i) => `sentence ${i}`));
    const first = queue.run(3, list, () => detector);
    const second = queue.run(3, list, () => detector);
    expect(queue.pending(3)).toBe(2);
    queue.cancel(3);
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toBeNull();
    expect(queue.pending(3)).toBe(0);
    const broken: SegmentDetector = {
      detectSegments: () => [],
      // biome-ignore lint/correctness/useYield: it fails before its first sentence
      *detectEach() {
        throw new Error('NLP failed');
      },
    };
    const failing = queue.run(4, list, () => broken);
    const fine = queue.run(5, list, () => detector);
    await expect(failing).rejects.toThrow('NLP failed');
    expect((await fine)?.length).toBe(20);
  });
});

describe('budgets per message, per page and per tab', () => {
  /** Sentences of the longest length, as many as one message's text holds. */
  const perMessage = Math.floor(LIMITS.maxScanTextChars / (LIMITS.maxSentenceChars + 1));
  const longest = (ch: string, from = 0) =>
    sentences(
      Array.from({ length: perMessage }, () => ch.repeat(LIMITS.maxSentenceChars)),
      from,
    );

  it('segments at most LIMITS.maxTabScanTextPerMinute of one tab’s text, and counts a slice past it as unread', async () => {
    const detector = countingDetector();
    let clock = 1_000_000;
    const { scanText, reports } = service(
      () => detector,
      () => clock,
    );
    // Text with no sentence for the NLP (blank lines): only the segmentation budget is spent.
    const blank = '\n'.repeat(LIMITS.maxScanTextChars);
    for (let i = 0; i < LIMITS.maxTabScanTextPerMinute / LIMITS.maxScanTextChars; i++) {
      await scanText(7, 'replace', blank);
    }
    expect((await reports.get(7))?.unread).toBeUndefined();
    // The next slice is past the budget: not segmented, counted as unread.
    await scanText(7, 'replace', 'Hackers struck the ministry.');
    expect(detector.read).toEqual([]);
    expect((await reports.get(7))?.unread).toBe(1);
    // Another tab is not concerned, and a minute later this one is read again.
    await scanText(8, 'replace', 'Hackers struck the senate.');
    clock += 60_000;
    await scanText(7, 'replace', 'Hackers struck the ministry.');
    expect(detector.read).toEqual(['Hackers struck the senate.', 'Hackers struck the ministry.']);
  });

  it('reads at most LIMITS.maxPageScanChars of one page, and again after a new page', async () => {
    const detector = countingDetector();
    const { scan, reports } = service(() => detector);
    const messages = Math.ceil(LIMITS.maxPageScanChars / (perMessage * LIMITS.maxSentenceChars)) + 2;
    await scan(7, 'replace', []);
    for (let i = 0; i < messages; i++) await scan(7, 'append', longest('w', i * 1_000_000));
    expect(detector.read.join('').length).toBe(LIMITS.maxPageScanChars);
    const report = await reports.get(7);
    expect(report?.unread).toBe(messages * perMessage - LIMITS.maxPageScanChars / LIMITS.maxSentenceChars);
    // A new page has its own budget.
    const before = detector.read.length;
    await scan(7, 'replace', longest('w'));
    expect(detector.read.length - before).toBe(perMessage);
    expect((await reports.get(7))?.unread).toBeUndefined();
  });

  it('reads at most LIMITS.maxTabScanCharsPerMinute of one tab, however often its page starts anew', async () => {
    const detector = countingDetector();
    let clock = 1_000_000;
    const { scan, reports } = service(
      () => detector,
      () => clock,
    );
    const read = () => detector.read.join('').length;
    // Fresh pages, one after another, until the tab's minute is spent.
    for (let last = -1; read() !== last; ) {
      last = read();
      clock += 1_000;
      await scan(7, 'replace', longest('v'));
    }
    expect(read()).toBeLessThanOrEqual(LIMITS.maxTabScanCharsPerMinute);
    expect(read()).toBeGreaterThan(LIMITS.maxTabScanCharsPerMinute - LIMITS.maxSentenceChars);
    expect((await reports.get(7))?.unread).toBe(perMessage);
    // Another tab is not concerned, and a minute later this one reads again.
    const spent = read();
    await scan(8, 'replace', longest('v'));
    expect(read()).toBe(spent + perMessage * LIMITS.maxSentenceChars);
    clock += 60_000;
    await scan(7, 'replace', longest('v'));
    expect((await reports.get(7))?.unread).toBeUndefined();
  });

  it('runs no NLP once the report holds LIMITS.maxReportAllegations', async () => {
    const detector = countingDetector();
    const { scan, reports } = service(() => detector);
    const half = LIMITS.maxReportAllegations / 2;
    const full = (from: number) =>
      sentences(
        Array.from({ length: half }, (_, i) => `Sentence ${from + i}.`),
        from * 100,
      );
    await scan(7, 'replace', full(0));
    await scan(7, 'append', full(half));
    expect((await reports.get(7))?.allegations).toHaveLength(LIMITS.maxReportAllegations);
    const readBefore = detector.read.length;
    const answer = await scan(7, 'append', full(2 * half));
    expect(answer.allegations).toEqual([]);
    expect(detector.read.length).toBe(readBefore);
    expect((await reports.get(7))?.unread).toBe(half);
  });

  it('answers an append it has already read (asked again after a lost answer) from the report, reading nothing twice', async () => {
    const detector = countingDetector();
    const { scan, reports } = service(() => detector);
    await scan(7, 'replace', sentences(['First.', 'Second.']));
    const append = sentences(['Third.', 'Fourth.'], 100);
    const first = await scan(7, 'append', append);
    const again = await scan(7, 'append', append);
    expect(again.allegations.map((a) => a.text)).toEqual(['Third.', 'Fourth.']);
    expect(again.allegations).toEqual(first.allegations);
    expect(detector.read.filter((t) => t === 'Third.')).toHaveLength(1);
    expect((await reports.get(7))?.allegations.map((a) => a.text)).toEqual(['First.', 'Second.', 'Third.', 'Fourth.']);
    // The next slice, further on, is read as usual.
    await scan(7, 'append', sentences(['Fifth.'], 200));
    expect((await reports.get(7))?.allegations).toHaveLength(5);
  });

  it('refuses a tab more than LIMITS.maxQueuedScans scans waiting, and serves the others', async () => {
    const detector = countingDetector();
    const { scan } = service(() => detector);
    const list = sentences(Array.from({ length: 200 }, (_, i) => `${'q'.repeat(500)} ${i}`));
    await scan(7, 'replace', []);
    const waiting = Array.from({ length: LIMITS.maxQueuedScans }, () => scan(7, 'append', list));
    await expect(scan(7, 'append', list)).rejects.toThrow(/too many scans/);
    await expect(scan(8, 'replace', sentences(['fine']))).resolves.toMatchObject({ allegations: [{ text: 'fine' }] });
    await Promise.all(waiting);
  });

  it("a new page drops the tab's scans still waiting", async () => {
    const detector = countingDetector();
    const { scan, reports } = service(() => detector);
    const list = sentences(Array.from({ length: 100 }, (_, i) => `${'p'.repeat(500)} ${i}`));
    const old = scan(7, 'replace', list);
    const fresh = scan(7, 'replace', sentences(['The new page.']));
    expect((await old).allegations).toEqual([]);
    expect((await fresh).allegations.map((a) => a.text)).toEqual(['The new page.']);
    expect((await reports.get(7))?.allegations.map((a) => a.text)).toEqual(['The new page.']);
  });
});

describe('closing a tab', () => {
  it('drops its scans still waiting and leaves no report; another page in the tab keeps its scan', async () => {
    const detector = countingDetector();
    const { svc, scan, reports } = service(() => detector);
    const list = sentences(Array.from({ length: 100 }, (_, i) => `${'c'.repeat(500)} ${i}`));
    const waiting = scan(7, 'replace', list);
    await svc.closeTab(7);
    expect((await waiting).allegations).toEqual([]);
    expect(detector.read.length).toBeLessThan(list.length);
    expect(await reports.get(7)).toBeNull();
    // A navigation (forgetTab) does not drop the scan the new page already sent.
    const next = scan(9, 'replace', sentences(['The next page.']));
    await svc.forgetTab(9);
    expect((await next).allegations).toHaveLength(1);
  });
});

describe('fairness with the real detector', () => {
  // Sentences a hostile page floods with: long, full of what the NLP must read closely.
  const HOSTILE =
    'Officials said on Tuesday that Russian military intelligence hackers broke into the networks of the ministry, ' +
    'stole the files of its negotiators and leaked them, while Moscow denied any involvement and accused ' +
    'Washington of staging a provocation against the Kremlin, according to a statement released by the embassy. ';
  const hostileText = (i: number) => `${HOSTILE.repeat(6)}Number ${i}.`.slice(0, LIMITS.maxSentenceChars);
  const NORMAL = [
    'Chinese state hackers breached the email accounts of Belgian members of parliament, the government said.',
    'Beijing rejected the accusation as groundless.',
    'The weather in Brussels stayed mild all week.',
  ];

  it("completes a normal tab's scan while a hostile tab floods, with the same allegations as alone", async () => {
    const detector = new Detector();
    // The real path: the background segments each slice and prefilters it, then the NLP.
    const { scan } = service(() => detector, undefined, { prefilter: true });
    const normal = sentences(NORMAL);
    const alone = detector.detectSegments(normal);
    expect(alone.length).toBeGreaterThan(0);

    const done: string[] = [];
    await scan(7, 'replace', []);
    const flood = Array.from({ length: LIMITS.maxQueuedScans }, (_, m) =>
      scan(
        7,
        'append',
        sentences(
          Array.from({ length: 20 }, (_, i) => hostileText(m * 100 + i)),
          m * 100_000,
        ),
      ).then((r) => {
        done.push(`hostile ${m}`);
        return r;
      }),
    );
    // The hostile tab has started on its backlog when the normal page's scan arrives.
    await new Promise((r) => setTimeout(r, 0));
    const answer = await scan(8, 'replace', normal).then((r) => {
      done.push('normal');
      return r;
    });
    const hostile = await Promise.all(flood);
    expect(done[0]).toBe('normal');
    expect(done).toHaveLength(LIMITS.maxQueuedScans + 1);
    // Sliced, shared detection finds exactly what detection of the whole list finds.
    const strip = (list: { counterStatements?: unknown }[]) => list.map(({ counterStatements: _, ...a }) => a);
    expect(strip(answer.allegations)).toEqual(alone);
    expect(hostile[0]?.allegations.length).toBeGreaterThan(0);
  }, 60_000);
});
