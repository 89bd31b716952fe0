/**
 * `npx tsx tests/quality/measure.ts [--raise] [SET…]`: prints the figures the
 * quality gate checks, for every set in floors.json (or the sets given), next
 * to their floors — to see the margin before raising a floor. With --raise,
 * every floor below its figure is raised to the figure rounded down to 0.005
 * (floors only go up).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, loadLabelled } from '../../src/cli/eval';
import { computeMetrics, type GroupMetrics } from '../../src/cli/eval-metrics';
import { Detector } from '../../src/core/detect';

const ROOT = join(import.meta.dirname, '..', '..');
interface SetFloors {
  dir?: string;
  cyberPage?: boolean;
  [group: string]: Record<string, number> | string | boolean | undefined;
}
const floors = JSON.parse(readFileSync(join(ROOT, 'tests', 'quality', 'floors.json'), 'utf8')) as {
  sets: Record<string, SetFloors>;
};
const FIGURES = ['precision', 'f1', 'accused', 'stance', 'accuser'] as const;
const value = (g: GroupMetrics, name: (typeof FIGURES)[number]) =>
  (name === 'precision' || name === 'f1' ? g.detection[name] : g.attributes[name].accuracy) ?? 0;

const detector = new Detector();
const raise = process.argv.includes('--raise');
const named = process.argv.slice(2).filter((a) => a !== '--raise');
const sets = named.length > 0 ? named : Object.keys(floors.sets);
for (const set of sets) {
  const entry = floors.sets[set] ?? {};
  const lines = await loadLabelled(join(ROOT, 'tests', 'fixtures', entry.dir ?? set));
  const metrics = computeMetrics(evaluate(lines, detector, entry.cyberPage ? { cyberTopic: true } : {}));
  for (const [group, g] of [['overall', metrics.overall], ...Object.entries(metrics.byLang)] as Array<
    [string, GroupMetrics]
  >) {
    const cells = FIGURES.map((name) => {
      const groupFloors = entry[group];
      let floor = typeof groupFloors === 'object' ? groupFloors[name] : undefined;
      const candidate = Math.floor(value(g, name) * 200) / 200;
      if (raise && typeof groupFloors === 'object' && floor !== undefined && candidate > floor) {
        groupFloors[name] = candidate;
        floor = candidate;
      }
      return `${name} ${value(g, name).toFixed(4)}${floor === undefined ? '' : ` (floor ${floor})`}`;
    });
    console.log(`${set.padEnd(22)} ${group.padEnd(8)} ${cells.join('  ')}`);
  }
}
if (raise) writeFileSync(join(ROOT, 'tests', 'quality', 'floors.json'), `${JSON.stringify(floors, null, 2)}\n`);
