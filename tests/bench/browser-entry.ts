/**
 * Bundled by tests/bench/chromium.ts for a plain Chromium page: the same
 * Dexie database, import and matcher as the background worker, on the
 * browser's real IndexedDB.
 */
import { CounterpointDB } from '../../src/background/db/database';
import { importPack } from '../../src/background/db/packs';
import { createDbMatcher } from '../../src/background/matcher';
import { Gazetteer } from '../../src/core/actors/gazetteer';
import { BUILTIN_ACTORS } from '../../src/core/actors/index';
import type { MatchQuery } from '../../src/core/match';
import { syntheticPack } from './synthetic-pack';

const QUERIES: MatchQuery[] = [
  {
    text: 'Chinese hackers breached the email accounts of Belgian lawmakers.',
    stance: 'accusation',
    accused: 'CN',
    accuser: null,
  },
  {
    text: 'La Chine exhorte les Etats-Unis à cesser leurs cyberattaques aveugles.',
    stance: 'accusation',
    accused: 'US',
    accuser: 'CN',
  },
  {
    text: 'Moscow denied any involvement in the attack on the water utility.',
    stance: 'denial',
    accused: 'RU',
    accuser: null,
  },
  { text: 'APT31 targeted the parliament network for years.', stance: 'accusation', accused: 'APT31', accuser: 'GB' },
  {
    text: 'Pyongyang said the US is the real hacker empire.',
    stance: 'counter_accusation',
    accused: 'US',
    accuser: 'KP',
  },
];

async function run(n: number): Promise<{ n: number; importMs: number; times: number[] }> {
  const db = new CounterpointDB(`bench-${n}-${Date.now()}`);
  const t0 = performance.now();
  await importPack(db, syntheticPack(n), { kind: 'file' });
  const importMs = performance.now() - t0;
  const matcher = createDbMatcher(db, new Gazetteer(BUILTIN_ACTORS));
  for (let i = 0; i < 2; i++) for (const q of QUERIES) await matcher.counterStatements(q);
  const times: number[] = [];
  for (let i = 0; i < 10; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      await matcher.counterStatements(q);
      times.push(performance.now() - t);
    }
  db.close();
  await db.delete();
  return { n, importMs, times };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
