import type { CounterStatementView } from '@core/match/view';
import type { Allegation } from '@core/types';
import type { ScanAllegation, TabReport } from '@src/messaging/protocol';

/**
 * Where the last report of each tab lives while the browser session lasts.
 *
 * The whole report is kept in memory, and memory is what `get` answers while
 * the background runs: it is always the freshest copy. `storage.session`
 * (10 MB for the whole extension in Chrome) keeps a compact copy, within a
 * byte budget per tab and in total, for a restart of the background (MV3
 * stops idle workers): a page that makes a huge report keeps only its first
 * allegations there, never everyone's room. What did not fit, or a write the
 * browser refused, is recorded on the report (`stored`) and, after a restart,
 * on the report read back (`restored`), so the popup can say so and offer a
 * new scan instead of showing a stale or empty report as if it were whole.
 */
export interface ReportStore {
  get(tabId: number): Promise<TabReport | null>;
  set(report: TabReport): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** The subset of `storage.session` (Chrome 102+, Firefox 115+) we use. */
export interface SessionArea {
  /** `null`: every key (read once, to learn what earlier workers stored). */
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export const REPORT_BUDGET = {
  /** Bytes of one tab's stored report (UTF-8 of its JSON, as Chrome counts its quota, roughly). */
  perTab: 1024 * 1024,
  /** Bytes of all tabs' stored reports: storage.session holds 10 MB, and small records need room when it is full. */
  total: 8 * 1024 * 1024,
} as const;

export interface ReportBudget {
  perTab: number;
  total: number;
}

const PREFIX = 'report:';
const keyOf = (tabId: number): string => `${PREFIX}${tabId}`;

/** The fields of a counter-statement that belong to the statement (kept once per stored report). */
type StatementFields = Omit<CounterStatementView, 'relation' | 'why' | 'score'>;
/** The fields that belong to its match with one allegation. */
type StatementRef = Pick<CounterStatementView, 'id' | 'relation' | 'why' | 'score'>;

/**
 * A report as stored: each statement once in `statements` (a hostile page
 * repeats one allegation a thousand times, and every copy has the same five
 * answers), each allegation with references to them; only the first
 * allegations that fit the budget (`total` says how many there were).
 */
export interface StoredReport {
  v: 2;
  tabId: number;
  page?: string;
  matching?: boolean;
  sentenceCount: number;
  scannedAt: number;
  unread?: number;
  readTo?: number;
  total: number;
  /** The browser refused to store the report: only this record is left. */
  failed?: true;
  statements: Record<string, StatementFields>;
  allegations: (Allegation & { counterStatements: StatementRef[] })[];
}

export function createMemoryReportStore(): ReportStore {
  const reports = new Map<number, TabReport>();
  return {
    get: async (tabId) => reports.get(tabId) ?? null,
    set: async (report) => {
      reports.set(report.tabId, report);
    },
    delete: async (tabId) => {
      reports.delete(tabId);
    },
  };
}

const encoder = new TextEncoder();
function bytes(json: string): number {
  // Plain ASCII (most of a report) is one byte a character; count exactly only when needed.
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) return encoder.encode(json).length;
  return json.length;
}

/** The stored form of `report`, cut to the first allegations that fit `limit` bytes (with its key). */
export function compactReport(report: TabReport, limit: number): { record: StoredReport; bytes: number } {
  const record: StoredReport = {
    v: 2,
    tabId: report.tabId,
    sentenceCount: report.sentenceCount,
    scannedAt: report.scannedAt,
    total: report.allegations.length,
    statements: {},
    allegations: [],
  };
  if (report.page !== undefined) record.page = report.page;
  if (report.matching !== undefined) record.matching = report.matching;
  if (report.unread !== undefined) record.unread = report.unread;
  if (report.readTo !== undefined) record.readTo = report.readTo;
  // The record's size grows by each allegation's JSON, a comma, and its new statements' entries.
  let size = keyOf(report.tabId).length + bytes(JSON.stringify(record));
  for (const a of report.allegations) {
    const refs: StatementRef[] = [];
    const added: [string, StatementFields][] = [];
    for (const c of a.counterStatements) {
      const { relation, why, score, ...fields } = c;
      refs.push({ id: c.id, relation, why, score });
      if (!Object.hasOwn(record.statements, c.id) && !added.some(([id]) => id === c.id)) added.push([c.id, fields]);
    }
    const entry = { ...a, counterStatements: refs };
    let grow = bytes(JSON.stringify(entry)) + 1;
    for (const [id, fields] of added) grow += bytes(JSON.stringify(id)) + bytes(JSON.stringify(fields)) + 2;
    if (size + grow > limit) break;
    size += grow;
    record.allegations.push(entry);
    for (const [id, fields] of added) record.statements[id] = fields;
  }
  return { record, bytes: size };
}

/** The report a stored record describes, as read back by a restarted background. */
export function expandReport(record: StoredReport): TabReport {
  const allegations: ScanAllegation[] = record.allegations.map((a) => ({
    ...a,
    counterStatements: a.counterStatements.flatMap((ref) => {
      const fields = Object.hasOwn(record.statements, ref.id) ? record.statements[ref.id] : undefined;
      return fields === undefined ? [] : [{ ...fields, ...ref }];
    }),
  }));
  const report: TabReport = {
    tabId: record.tabId,
    allegations,
    sentenceCount: record.sentenceCount,
    scannedAt: record.scannedAt,
  };
  if (record.page !== undefined) report.page = record.page;
  if (record.unread !== undefined) report.unread = record.unread;
  if (typeof record.readTo === 'number') report.readTo = record.readTo;
  const interrupted = record.matching === true;
  // A lookup that was running died with the background that ran it: nothing is still being looked up.
  if (interrupted) report.matching = false;
  const whole = record.failed !== true && allegations.length === record.total;
  if (!whole || interrupted) {
    report.restored = { total: record.total, interrupted };
    if (record.failed === true) report.restored.failed = true;
  }
  return report;
}

function isStoredReport(x: unknown): x is StoredReport {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<StoredReport>;
  return (
    r.v === 2 &&
    typeof r.tabId === 'number' &&
    Array.isArray(r.allegations) &&
    typeof r.statements === 'object' &&
    r.statements !== null &&
    typeof r.total === 'number' &&
    typeof r.scannedAt === 'number' &&
    typeof r.sentenceCount === 'number'
  );
}

export interface ReportStoreOptions {
  budget?: ReportBudget;
  onError?: (error: unknown) => void;
}

/**
 * Session storage survives service-worker restarts (MV3 kills idle workers),
 * memory does not: memory answers while it has the report, storage after a
 * restart; see `ReportStore`.
 */
export function createReportStore(
  session: SessionArea | undefined,
  optionsOrOnError: ReportStoreOptions | ((error: unknown) => void) = {},
): ReportStore {
  const options = typeof optionsOrOnError === 'function' ? { onError: optionsOrOnError } : optionsOrOnError;
  const memory = new Map<number, TabReport>();
  if (!session) return createMemoryReportStore();
  const budget = options.budget ?? REPORT_BUDGET;
  const onError = options.onError ?? (() => {});
  /** Bytes each tab's stored record takes; learnt from storage once, on the first write. */
  let sizes: Map<number, number> | null = null;

  async function storedSizes(): Promise<Map<number, number>> {
    if (sizes !== null) return sizes;
    const found = new Map<number, number>();
    try {
      const all = await session?.get(null);
      for (const [key, value] of Object.entries(all ?? {})) {
        const tabId = Number(key.slice(PREFIX.length));
        if (key.startsWith(PREFIX) && Number.isSafeInteger(tabId)) {
          found.set(tabId, key.length + bytes(JSON.stringify(value) ?? ''));
        }
      }
    } catch (error) {
      onError(error);
    }
    sizes ??= found;
    return sizes;
  }

  function othersSize(all: Map<number, number>, tabId: number): number {
    let others = 0;
    for (const [id, size] of all) if (id !== tabId) others += size;
    return others;
  }

  /** Stores `report` within `limit` bytes; false when the browser refused it. */
  async function store(report: TabReport, limit: number): Promise<boolean> {
    const all = await storedSizes();
    const { record, bytes: size } = compactReport(report, limit);
    try {
      await session?.set({ [keyOf(report.tabId)]: record });
    } catch (error) {
      onError(error);
      return false;
    }
    all.set(report.tabId, size);
    if (record.allegations.length < record.total) report.stored = { allegations: record.allegations.length };
    else delete report.stored;
    return true;
  }

  /**
   * Room for `tabId` within the total budget: when the others leave it less
   * than an equal share, the largest of them are cut down to that share, so
   * that tabs that came first cannot keep the room from every later one.
   */
  async function makeRoom(tabId: number, needed: number): Promise<void> {
    const all = await storedSizes();
    const count = all.size + (all.has(tabId) ? 0 : 1);
    const share = Math.floor(budget.total / count);
    const want = Math.min(needed, share, budget.perTab);
    const largest = [...all].filter(([id, size]) => id !== tabId && size > share).sort((a, b) => b[1] - a[1]);
    for (const [id] of largest) {
      if (budget.total - othersSize(all, tabId) >= want) return;
      const report = memory.get(id) ?? (await readStored(id));
      if (report === null) continue;
      await store(report, share);
    }
  }

  async function write(report: TabReport): Promise<void> {
    const all = await storedSizes();
    const room = budget.total - othersSize(all, report.tabId);
    if (room < budget.perTab) {
      const needed = compactReport(report, budget.perTab).bytes;
      if (room < needed) await makeRoom(report.tabId, needed);
    }
    const limit = Math.min(budget.perTab, budget.total - othersSize(all, report.tabId));
    if (await store(report, limit)) return;
    // Refused (the quota, whoever filled it): a small record says so, so that a restarted
    // background does not show an older copy, or nothing, as this page's report.
    report.stored = { allegations: 0, failed: true };
    const stub: StoredReport = { ...compactReport(report, 0).record, failed: true };
    try {
      await session?.set({ [keyOf(report.tabId)]: stub });
      all.set(report.tabId, keyOf(report.tabId).length + bytes(JSON.stringify(stub)));
    } catch (error) {
      onError(error);
      all.delete(report.tabId);
      await session?.remove(keyOf(report.tabId)).catch(onError);
    }
  }

  async function readStored(tabId: number): Promise<TabReport | null> {
    try {
      const found = (await session?.get(keyOf(tabId)))?.[keyOf(tabId)];
      if (isStoredReport(found) && found.tabId === tabId) return expandReport(found);
    } catch (error) {
      onError(error);
    }
    return null;
  }

  return {
    async get(tabId) {
      const fresh = memory.get(tabId);
      if (fresh !== undefined) return fresh;
      const report = await readStored(tabId);
      // A write since (a scan that came meanwhile) is fresher than what was read.
      if (report !== null && !memory.has(tabId)) memory.set(tabId, report);
      return memory.get(tabId) ?? null;
    },
    async set(report) {
      memory.set(report.tabId, report);
      await write(report);
    },
    async delete(tabId) {
      memory.delete(tabId);
      (await storedSizes()).delete(tabId);
      try {
        await session.remove(keyOf(tabId));
      } catch (error) {
        onError(error);
      }
    },
  };
}
