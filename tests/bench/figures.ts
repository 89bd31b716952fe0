/**
 * Key figures of one benchmark part for `npm run bench -- --json`: each part
 * prints them on one marked line when tests/bench/all.ts runs it (which sets
 * COUNTERPOINT_BENCH_FIGURES), and all.ts merges every part's line into the
 * one JSON line it ends with. Run on its own, a part prints no such line.
 */
export const FIGURES_MARKER = '@@counterpoint-bench-figures ';

export type Figure = number | string | boolean | null;

export interface Budget {
  name: string;
  ok: boolean;
}

export function reportFigures(figures: Record<string, Figure>, budgets: readonly Budget[] = []): void {
  if (process.env.COUNTERPOINT_BENCH_FIGURES !== '1') return;
  console.log(`${FIGURES_MARKER}${JSON.stringify({ figures, budgets })}`);
}
