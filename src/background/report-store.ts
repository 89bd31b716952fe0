import type { TabReport } from '@src/messaging/protocol';

/** Where the last report of each tab lives while the browser session lasts. */
export interface ReportStore {
  get(tabId: number): Promise<TabReport | null>;
  set(report: TabReport): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** The subset of `storage.session` (Chrome 102+, Firefox 115+) we use. */
export interface SessionArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

const keyOf = (tabId: number): string => `report:${tabId}`;

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

/**
 * Session storage survives service-worker restarts (MV3 kills idle workers),
 * memory does not; memory is the fallback where `storage.session` is missing
 * or fails (quota), so a report is never silently lost within a worker's life.
 */
export function createReportStore(
  session: SessionArea | undefined,
  onError: (error: unknown) => void = () => {},
): ReportStore {
  const memory = createMemoryReportStore();
  if (!session) return memory;
  return {
    async get(tabId) {
      try {
        const found = (await session.get(keyOf(tabId)))[keyOf(tabId)];
        if (isTabReport(found)) return found;
      } catch (error) {
        onError(error);
      }
      return memory.get(tabId);
    },
    async set(report) {
      await memory.set(report);
      try {
        await session.set({ [keyOf(report.tabId)]: report });
      } catch (error) {
        onError(error);
      }
    },
    async delete(tabId) {
      await memory.delete(tabId);
      try {
        await session.remove(keyOf(tabId));
      } catch (error) {
        onError(error);
      }
    },
  };
}

function isTabReport(x: unknown): x is TabReport {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<TabReport>;
  return typeof r.tabId === 'number' && Array.isArray(r.allegations) && typeof r.scannedAt === 'number';
}
