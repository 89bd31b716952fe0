// Per-tab reports within storage.session's quota: a byte budget per tab and in total, the
// fresher in-memory copy first, and a refused write recorded and shown (issue 10, item 4).
import type { CounterStatementView } from '@core/match/view';
import type { Badge } from '@src/background/badge';
import type { Library } from '@src/background/library';
import {
  compactReport,
  createReportStore,
  expandReport,
  REPORT_BUDGET,
  type SessionArea,
} from '@src/background/report-store';
import { createBackgroundService, type Sender } from '@src/background/service';
import type { ScanAllegation, ScanResponse, TabReport } from '@src/messaging/protocol';
import { describe, expect, it, vi } from 'vitest';
import { testAllegation, testStatement } from './fixtures';

/** storage.session as Chrome keeps it: a quota over keys and JSON values, writes over it refused whole. */
function fakeSession(quota = 10 * 1024 * 1024) {
  const data = new Map<string, string>();
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + new TextEncoder().encode(v).length, 0);
  let refuse = false;
  const session: SessionArea = {
    get: async (key) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of data) if (key === null || k === key) out[k] = JSON.parse(v);
      return out;
    },
    set: async (items) => {
      if (refuse) throw new Error('Session storage quota bytes exceeded.');
      const before = new Map(data);
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
      if (size() > quota) {
        data.clear();
        for (const [k, v] of before) data.set(k, v);
        throw new Error('Session storage quota bytes exceeded.');
      }
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
  return {
    session,
    size,
    raw: (key: string) => data.get(key),
    refuseWrites: (on: boolean) => {
      refuse = on;
    },
  };
}

/** Five statements, the same for every allegation, as a page repeating one allegation gets. */
const FIVE: CounterStatementView[] = Array.from({ length: 5 }, (_, i) =>
  testStatement(`seed/c${i}`, { text: `Statement number ${i}, ${'said at length '.repeat(40)}` }),
);

function hostileReport(tabId: number, n = 1_000, chars = 2_000): TabReport {
  const allegations: ScanAllegation[] = Array.from({ length: n }, (_, i) => {
    const text = `Hackers from Russia attacked us, sentence ${i}. ${'x'.repeat(chars)}`.slice(0, chars);
    return testAllegation('RU', { text, start: i * 3_000, end: i * 3_000 + text.length, counterStatements: FIVE });
  });
  return { tabId, page: `p${tabId}`, allegations, sentenceCount: n, scannedAt: 1 };
}

function normalReport(tabId: number): TabReport {
  return {
    tabId,
    page: `p${tabId}`,
    allegations: [testAllegation('CN', { counterStatements: FIVE.slice(0, 2) })],
    sentenceCount: 12,
    scannedAt: 2,
  };
}

describe('the stored form of a report', () => {
  it('keeps each statement once, and reads back the same report', () => {
    const report = hostileReport(3, 50, 200);
    const { record } = compactReport(report, REPORT_BUDGET.perTab);
    expect(Object.keys(record.statements)).toEqual(FIVE.map((s) => s.id));
    expect(record.allegations).toHaveLength(50);
    expect(expandReport(record)).toEqual(report);
  });

  it('keeps the first allegations that fit its budget, and says how many there were', () => {
    const report = hostileReport(3);
    const { record, bytes } = compactReport(report, REPORT_BUDGET.perTab);
    expect(bytes).toBeLessThanOrEqual(REPORT_BUDGET.perTab);
    expect(JSON.stringify(record).length + 'report:3'.length).toBeLessThanOrEqual(REPORT_BUDGET.perTab);
    expect(record.allegations.length).toBeGreaterThan(100);
    expect(record.allegations.length).toBeLessThan(1_000);
    expect(record.total).toBe(1_000);
    const back = expandReport(record);
    expect(back.allegations).toEqual(report.allegations.slice(0, record.allegations.length));
    expect(back.restored).toEqual({ total: 1_000, interrupted: false });
  });
});

describe('the report store', () => {
  it("keeps a hostile tab's report within its budget, and everyone's within the quota", async () => {
    const storage = fakeSession();
    const store = createReportStore(storage.session);
    // Ten hostile tabs, each with the report (1,000 allegations of 2,000 characters, five answers each).
    for (let tab = 1; tab <= 10; tab++) await store.set(hostileReport(tab));
    expect(storage.size()).toBeLessThanOrEqual(REPORT_BUDGET.total);
    for (let tab = 1; tab <= 10; tab++) {
      expect(new TextEncoder().encode(storage.raw(`report:${tab}`)).length).toBeLessThanOrEqual(REPORT_BUDGET.perTab);
      // While the background runs, the whole report is there, and it knows what is not stored.
      const live = await store.get(tab);
      expect(live?.allegations).toHaveLength(1_000);
      expect(live?.stored?.allegations).toBeLessThan(1_000);
    }
    // A normal tab opened after them is still stored (the quota is never reached: its write is not refused).
    await store.set(normalReport(20));
    expect((await createReportStore(storage.session).get(20))?.allegations).toHaveLength(1);
  });

  it('answers from memory, the fresher copy, when a later write is refused', async () => {
    const storage = fakeSession();
    const errors: unknown[] = [];
    const store = createReportStore(storage.session, { onError: (e) => errors.push(e) });
    const report = normalReport(4);
    const bare = structuredClone(report);
    for (const a of bare.allegations) a.counterStatements = [];
    bare.matching = true;
    await store.set(bare);
    storage.refuseWrites(true);
    // The counter-statements arrive; storage refuses them.
    await store.set(report);
    expect(errors).toHaveLength(2);
    const live = await store.get(4);
    expect(live?.allegations[0]?.counterStatements).toHaveLength(2);
    expect(live?.stored).toEqual({ allegations: 0, failed: true });
  });

  it('after a restart, says what was lost instead of showing a stale or empty report', async () => {
    const storage = fakeSession();
    const store = createReportStore(storage.session);
    await store.set(hostileReport(5));
    await store.set({ ...normalReport(6), matching: true });
    const restarted = createReportStore(storage.session);
    const partial = await restarted.get(5);
    expect(partial?.restored?.total).toBe(1_000);
    expect(partial?.allegations.length).toBe((await store.get(5))?.stored?.allegations);
    expect(partial?.allegations[0]?.counterStatements).toEqual(FIVE);
    // The lookup that was running died with the old background: nothing is "being looked up" for ever.
    const interrupted = await restarted.get(6);
    expect(interrupted?.matching).toBe(false);
    expect(interrupted?.restored).toEqual({ total: 1, interrupted: true });
  });

  it('leaves a small record when the browser refuses the report, never an older copy', async () => {
    const storage = fakeSession(REPORT_BUDGET.perTab / 4);
    const store = createReportStore(storage.session, {
      budget: { perTab: REPORT_BUDGET.perTab, total: REPORT_BUDGET.total },
    });
    await store.set(normalReport(8));
    // This quota is smaller than the budget (another part of the extension filled it): the write is refused.
    await store.set(hostileReport(8));
    expect((await store.get(8))?.stored).toEqual({ allegations: 0, failed: true });
    const back = await createReportStore(storage.session).get(8);
    expect(back?.allegations).toEqual([]);
    expect(back?.restored).toEqual({ total: 1_000, interrupted: false, failed: true });
  });

  it('forgets a tab, in memory and in storage', async () => {
    const storage = fakeSession();
    const store = createReportStore(storage.session);
    await store.set(normalReport(9));
    await store.delete(9);
    expect(await store.get(9)).toBeNull();
    expect(storage.raw('report:9')).toBeUndefined();
  });
});

describe('the card and the popup when storage is full', () => {
  const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
  const page: Sender = { id: RUNTIME_ID, url: 'https://news.example/a', tab: { id: 11 }, frameId: 0 };
  const popup: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/popup.html` };

  it('gives the card the five counter-statements, and tells the popup of every change', async () => {
    const storage = fakeSession();
    storage.refuseWrites(true);
    const library = {
      ready: async () => {},
      counterStatements: async () => FIVE,
    } as unknown as Library;
    const changed: number[] = [];
    const badge: Badge = { setCount: async () => {} };
    const service = createBackgroundService({
      createDetector: () => ({
        detectSegments: (segments) =>
          segments.map((s) => {
            const { counterStatements: _, ...a } = testAllegation('RU', { text: s.text, start: s.start, end: s.end });
            return a;
          }),
      }),
      reports: createReportStore(storage.session, { onError: vi.fn() }),
      badge,
      library,
      runtimeId: RUNTIME_ID,
      extensionOrigin: ORIGIN,
      log: { warn: vi.fn() },
      reportChanged: (tabId) => changed.push(tabId),
    });
    const text = 'Russian hackers hit the bank.';
    const answer = (await service.handleMessage(
      { type: 'scan', mode: 'replace', offset: 0, text },
      page,
    )) as ScanResponse;
    expect(answer.allegations).toHaveLength(1);
    await expect(service.handleMessage({ type: 'getCounterStatements', index: 0 }, page)).resolves.toEqual({
      counterStatements: FIVE,
    });
    // Told twice: the allegations, then their counter-statements (storage.onChanged would have said nothing).
    expect(changed).toEqual([11, 11]);
    const { report } = (await service.handleMessage({ type: 'getTabReport', tabId: 11 }, popup)) as {
      report: TabReport;
    };
    expect(report.matching).toBe(false);
    expect(report.stored).toEqual({ allegations: 0, failed: true });
  });
});
