// The database matcher over its compact index answers exactly as the retrieval it replaced — the first claims by key
// of each route over every installed claim — here written out as a plain scan, with the limits binding (3,000 claims).
import { MY_ANNOTATIONS_PACK_ID } from '@core/annotation/statements';
import {
  type ActorResolver,
  type CounterStatement,
  type MatchQuery,
  queryActorKeys,
  rankCounterStatements,
  type StoredClaim,
  type StoredRelation,
  statsFor,
} from '@core/match';
import type { ClaimPack } from '@core/pack/schema';
import { actorKeysOf } from '@src/background/db/actors';
import { compareKeys } from '@src/background/db/claim-index';
import { CounterpointDB } from '@src/background/db/database';
import { importPack } from '@src/background/db/packs';
import { claimTerms, termsOf } from '@src/background/db/terms';
import { createDbMatcher, MATCH_LIMITS } from '@src/background/matcher';
import { SEED_PACK } from '@src/data/seed-pack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../bench/rng';
import { BENCH_QUERIES, syntheticPack } from '../bench/synthetic-pack';

const resolver: ActorResolver = {
  stateOf: (id) =>
    ({ APT31: 'CN', APT40: 'CN', 'Volt Typhoon': 'CN', APT28: 'RU', APT29: 'RU', Sandworm: 'RU', Kimsuky: 'KP' })[id],
};

/** The retrieval of the per-claim indexes (release 3), as a scan: routes by key order, then the same ranking. */
async function reference(
  db: CounterpointDB,
  all: StoredClaim[],
  packs: ClaimPack[],
  q: MatchQuery,
  limit: number,
): Promise<CounterStatement[]> {
  const byKey = [...all].sort((a, b) => compareKeys(a.key, b.key));
  const terms = termsOf(q.text);
  const actorKeys = queryActorKeys(q, resolver);
  const accusedSide = [...new Set([q.accused, q.accused ? resolver.stateOf(q.accused) : undefined])].filter(
    (id): id is string => typeof id === 'string',
  );
  const route = (keys: string[], has: (c: StoredClaim, k: string) => boolean, n: number) =>
    [...keys]
      .sort(compareKeys)
      .flatMap((k) => byKey.filter((c) => has(c, k)).slice(0, n))
      .slice(0, n);
  const df = (t: string) => all.filter((c) => c.terms?.includes(t)).length;
  const rarest = terms
    .map((t) => [t, df(t)] as const)
    .filter(([, n]) => n > 0 && n <= MATCH_LIMITS.maxClaimsPerTerm)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, MATCH_LIMITS.maxTerms);
  const own: StoredClaim[] = [];
  if (actorKeys.length > 0)
    for (const c of byKey.filter((c) => c.packId === MY_ANNOTATIONS_PACK_ID).slice(0, MATCH_LIMITS.perRoute))
      if ((await actorKeysOf(db, c)).some((k) => actorKeys.includes(k))) own.push(c);
  const byActor = new Map<string, StoredClaim>();
  const actorRoutes = [
    ...(accusedSide.length > 0 ? route(accusedSide, (c, k) => c.speakerActor === k, MATCH_LIMITS.perRoute) : []),
    ...(actorKeys.length > 0 ? route(actorKeys, (c, k) => c.accused.includes(k), MATCH_LIMITS.perRoute) : []),
  ];
  for (const c of actorRoutes) byActor.set(c.key, c);
  const byTerm = new Map<string, StoredClaim>();
  for (const [t] of rarest)
    for (const c of route([t], (c) => c.terms?.includes(t) === true, MATCH_LIMITS.perTerm)) byTerm.set(c.key, c);
  const ownKeys = new Set(own.map((c) => c.key));
  const candidates = [
    ...own,
    ...[
      ...[...byActor.values()].filter((c) => byTerm.has(c.key)),
      ...[...byActor.values()].filter((c) => !byTerm.has(c.key)),
      ...[...byTerm.values()].filter((c) => !byActor.has(c.key)),
    ].filter((c) => !ownKeys.has(c.key)),
  ].slice(0, MATCH_LIMITS.maxCandidates);
  if (candidates.length === 0) return [];
  const dfs = new Map(terms.map((t) => [t, df(t)]));
  const stats = { docs: all.length, avgLength: statsFor(candidates).avgLength, df: (t: string) => dfs.get(t) ?? 0 };
  const incidents = packs.flatMap((p) => p.incidents.map((i) => ({ ...i, packId: p.id })));
  const ctx = { resolver, incidents, stats };
  const first = rankCounterStatements(q, candidates, { ...ctx, limit: Math.max(limit * 2, 10) });
  const shortlist = new Set(first.map((s) => s.claim.key));
  const relations: StoredRelation[] = packs.flatMap((p) =>
    p.relations.map((r) => ({ from: `${p.id}/${r.from}`, to: `${p.id}/${r.to}`, type: r.type })),
  );
  // The database read the shortlist's relations by `from`, then by `to`, each in key order.
  const ordered = [
    ...[...shortlist].sort(compareKeys).flatMap((k) => relations.filter((r) => r.from === k)),
    ...[...shortlist].sort(compareKeys).flatMap((k) => relations.filter((r) => r.to === k)),
  ];
  return rankCounterStatements(
    q,
    first.map((s) => s.claim),
    { ...ctx, relations: [...new Set(ordered)], limit },
  );
}

const brief = (found: CounterStatement[]) => found.map((s) => [s.claim.key, s.relation, s.why, s.score]);

describe('the claim index answers as the per-claim indexes did', () => {
  const db = new CounterpointDB(`match-index-${Math.random().toString(36).slice(2)}`);
  const big = { ...syntheticPack(3_000), id: 'big' };
  // A second pack whose keys sort around the first's ("big-2/…" before "big/…"), and the reader's own pack.
  const other = { ...syntheticPack(700, 9), id: 'big-2' };
  const mine: ClaimPack = { ...syntheticPack(80, 5), id: MY_ANNOTATIONS_PACK_ID };
  const packs = [SEED_PACK, big, other, mine];
  let all: StoredClaim[] = [];

  beforeAll(async () => {
    for (const p of packs) await importPack(db, p, { kind: 'file' });
    all = packs.flatMap((p) =>
      p.claims.map((c) => ({ ...c, key: `${p.id}/${c.id}`, packId: p.id, terms: claimTerms(c) })),
    );
  }, 60_000);
  afterAll(() => db.delete());

  it('gives the same answers, in the same order, with the same scores', async () => {
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    const queries: MatchQuery[] = [...BENCH_QUERIES];
    // Allegations made of the packs' own words and parties, some on a page that is a claim's source.
    for (let i = 0; i < 30; i++) {
      // Every third from the seed pack, whose words are rare (the term routes).
      const c = i % 3 === 0 ? pick(all.filter((x) => x.packId === SEED_PACK.id)) : pick(all);
      const q: MatchQuery = {
        text: `${c.text.split(' ').slice(3, 12).join(' ')} ${pick(all).targets.join(' ')}`,
        stance: pick(['accusation', 'denial', 'counter_accusation'] as const),
        accused: pick([...c.accused, c.speakerActor]),
        accuser: rand() < 0.5 ? null : c.speakerActor,
      };
      if (i % 5 === 0) q.pageUrl = c.source.url;
      queries.push(q);
    }
    const matcher = createDbMatcher(db, resolver);
    let answered = 0;
    for (const q of queries) {
      const expected = await reference(db, all, packs, q, 5);
      const found = await matcher.counterStatements(q, 5);
      expect(brief(found), q.text).toEqual(brief(expected));
      if (found.length > 0) answered++;
      // The answers are the claims in full, as installed.
      for (const s of found) expect(s.claim).toMatchObject(all.find((c) => c.key === s.claim.key) ?? {});
    }
    expect(answered).toBeGreaterThan(queries.length / 2);
  }, 60_000);
});
