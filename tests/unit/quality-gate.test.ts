/**
 * The quality gate: the detector is evaluated on every labelled set named in
 * tests/quality/floors.json, overall and per language, and each figure must
 * stay at or above its floor. A rule change that lowers detection (F1,
 * precision) or attribute accuracy (accused, stance, accuser) fails `npm test`.
 * Raise a floor when a change lifts a figure for good; never lower one to
 * make a change pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadLabelled } from '../../src/cli/eval';
import { computeMetrics, type GroupMetrics } from '../../src/cli/eval-metrics';
import { Detector } from '../../src/core/detect';

type Figure = 'precision' | 'f1' | 'accused' | 'stance' | 'accuser';
type Floors = Partial<Record<Figure, number>>;
interface SetFloors {
  /** Folder under tests/fixtures (default: the set's key). */
  dir?: string;
  /** Read every line as a sentence of a page about cyber operations. */
  cyberPage?: boolean;
  overall: Floors;
  en?: Floors;
  fr?: Floors;
}

const GROUPS = ['overall', 'en', 'fr'] as const;

const ROOT = join(import.meta.dirname, '..', '..');
const FLOORS = JSON.parse(readFileSync(join(ROOT, 'tests', 'quality', 'floors.json'), 'utf8')) as {
  sets: Record<string, SetFloors>;
};

function figure(g: GroupMetrics, name: Figure): number {
  const v = name === 'precision' || name === 'f1' ? g.detection[name] : (g.attributes[name].accuracy as number | null);
  return v ?? 0;
}

const detector = new Detector();

describe('quality gate (tests/quality/floors.json)', () => {
  it('names sets that exist, and only the figures it knows', () => {
    expect(Object.keys(FLOORS.sets).length).toBeGreaterThan(0);
    for (const floors of Object.values(FLOORS.sets))
      for (const group of GROUPS)
        for (const [name, value] of Object.entries(floors[group] ?? {})) {
          expect(['precision', 'f1', 'accused', 'stance', 'accuser']).toContain(name);
          expect(value).toBeGreaterThan(0);
          expect(value).toBeLessThanOrEqual(1);
        }
  });

  for (const [set, floors] of Object.entries(FLOORS.sets)) {
    it(`${set}: every figure at or above its floor`, async () => {
      const lines = await loadLabelled(join(ROOT, 'tests', 'fixtures', floors.dir ?? set));
      const metrics = computeMetrics(evaluate(lines, detector, floors.cyberPage ? { cyberTopic: true } : {}));
      const below: string[] = [];
      for (const group of GROUPS) {
        const groupFloors = floors[group];
        if (groupFloors === undefined) continue;
        const measured = group === 'overall' ? metrics.overall : metrics.byLang[group];
        if (measured === undefined) {
          below.push(`${group}: no sentences`);
          continue;
        }
        for (const [name, floor] of Object.entries(groupFloors) as Array<[Figure, number]>) {
          const value = figure(measured, name);
          if (value + 1e-9 < floor) below.push(`${group} ${name} ${value.toFixed(3)} < floor ${floor}`);
        }
      }
      expect(below, `${set} fell below its floors`).toEqual([]);
    });
  }
});
