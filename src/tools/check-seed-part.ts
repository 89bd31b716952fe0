/**
 * Check one part of the built-in claim data before it joins the seed pack:
 * `npx tsx src/tools/check-seed-part.ts src/data/seed-pack/part-d.json`.
 * The part is validated as a pack of its own (shape, ids, relations, incident
 * evidence), then against the data rules the seed pack's tests apply
 * (src/core/pack/quality.ts). Prints every problem; exits 1 when there is one.
 */
import { readFileSync } from 'node:fs';
import { builtinGazetteer } from '../core/detect';
import { packProblems } from '../core/pack/quality';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PackError, parsePack } from '../core/pack/schema';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: npx tsx src/tools/check-seed-part.ts FILE\n');
  process.exit(2);
}
const part = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const problems: string[] = [];
let pack: ReturnType<typeof parsePack> | undefined;
try {
  pack = parsePack({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'part',
    version: 1,
    title: 'part',
    license: 'CC-BY-4.0',
    publishedAt: '2026-01-01',
    ...part,
  });
} catch (err) {
  if (err instanceof PackError) problems.push(...err.issues);
  else throw err;
}
if (pack !== undefined) {
  const g = builtinGazetteer();
  problems.push(
    ...packProblems(pack, {
      stateOf: (id) => g.stateOf(id),
      known: (id) => g.get(id) !== undefined || g.lookup(id) !== undefined,
    }),
  );
  const stances = new Map<string, number>();
  for (const c of pack.claims) stances.set(c.stance, (stances.get(c.stance) ?? 0) + 1);
  process.stdout.write(
    `${pack.incidents.length} incidents, ${pack.claims.length} statements, ${pack.relations.length} relations; ` +
      `${[...stances].map(([s, n]) => `${s} ${n}`).join(', ')}\n`,
  );
}
for (const p of problems) process.stdout.write(`problem: ${p}\n`);
process.exit(problems.length > 0 ? 1 : 0);
