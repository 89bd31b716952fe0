/**
 * What each tab spent in the last minute (characters read by the NLP, or
 * segmented), as (time, amount) entries, oldest first: a page that keeps
 * starting anew gets no more than its minute's budget.
 */
export interface MinuteBudget {
  /** What the tab has left of `limit` now (older entries forgotten). */
  left(tabId: number): number;
  spend(tabId: number, amount: number): void;
  forget(tabId: number): void;
}

export function createMinuteBudget(limit: number, now: () => number, windowMs = 60_000): MinuteBudget {
  const spent = new Map<number, { at: number; amount: number }[]>();
  return {
    left(tabId) {
      const t = now();
      const kept = (spent.get(tabId) ?? []).filter((e) => t - e.at < windowMs);
      if (kept.length > 0) spent.set(tabId, kept);
      else spent.delete(tabId);
      return limit - kept.reduce((n, e) => n + e.amount, 0);
    },
    spend(tabId, amount) {
      if (amount > 0) spent.set(tabId, [...(spent.get(tabId) ?? []), { at: now(), amount }]);
    },
    forget(tabId) {
      spent.delete(tabId);
    },
  };
}
