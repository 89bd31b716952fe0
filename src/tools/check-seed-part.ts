/**
 * Check one part of the built-in claim data before it joins the seed pack:
 * `npx tsx src/tools/check-seed-part.ts src/data/seed-pack/part-d.json`.
 * The part is validated as a pack of its own (shape, ids, relations, incident
 * evidence), then against the data rules the seed pack's tests apply: every
 * actor id is known (built-in actor table or the part's own actors), quotes are
 * one short sentence, relations join statements of one incident, a denial never
 * answers a later statement. Prints every problem; exits 1 when there is one.
 */
import { readFileSync } from 'node:fs';
import { Detector } from '../core/detect';
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
  const gazetteer = new Detector().gazetteer;
  const own = new Set(pack.actors.map((a) => a.id));
  const known = (id: string) => own.has(id) || gazetteer.get(id) !== undefined || gazetteer.lookup(id) !== undefined;
  const byId = new Map(pack.claims.map((c) => [c.id, c]));
  pack.claims.forEach((c, i) => {
    for (const a of [...c.accused, c.speakerActor, ...(c.accuser === null ? [] : [c.accuser])])
      if (!known(a)) problems.push(`claims[${i}] (${c.id}): unknown actor "${a}" (add it to the part's actors)`);
    if (c.incident === undefined) problems.push(`claims[${i}] (${c.id}): no incident`);
    if (c.quote !== undefined && (c.quote.split(/\s+/).length > 40 || /[.!?]\s+\p{Lu}/u.test(c.quote.trim())))
      problems.push(`claims[${i}] (${c.id}): quote longer than one short sentence`);
    if (c.quote !== undefined && c.text.includes(c.quote))
      problems.push(`claims[${i}] (${c.id}): the paraphrase repeats the quote`);
  });
  pack.relations.forEach((r, i) => {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (from === undefined || to === undefined) return;
    if (from.incident !== to.incident)
      problems.push(`relations[${i}]: ${r.from} and ${r.to} are in different incidents`);
    if ((r.type === 'denies' || r.type === 'counter_accuses') && from.date < to.date)
      problems.push(`relations[${i}]: ${r.from} (${from.date}) answers ${r.to}, which is later (${to.date})`);
  });
  pack.incidents.forEach((inc, i) => {
    const claims = pack?.claims.filter((c) => c.incident === inc.id) ?? [];
    if (inc.evidence === undefined) problems.push(`incidents[${i}] (${inc.id}): no evidence status`);
    if (inc.names === undefined) problems.push(`incidents[${i}] (${inc.id}): no names per language`);
    if (claims.length === 0) problems.push(`incidents[${i}] (${inc.id}): no statements`);
  });
  const stances = new Map<string, number>();
  for (const c of pack.claims) stances.set(c.stance, (stances.get(c.stance) ?? 0) + 1);
  process.stdout.write(
    `${pack.incidents.length} incidents, ${pack.claims.length} statements, ${pack.relations.length} relations; ` +
      `${[...stances].map(([s, n]) => `${s} ${n}`).join(', ')}\n`,
  );
}
for (const p of problems) process.stdout.write(`problem: ${p}\n`);
process.exit(problems.length > 0 ? 1 : 0);
