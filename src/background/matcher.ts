/**
 * Counter-statements from the installed packs: the candidates come from
 * Dexie's multi-entry indexes (`claims.*actorKeys`, `claims.*terms`), the
 * ranking is the pure matcher's, so the extension answers as the CLI and the
 * benchmarks do over an in-memory ClaimIndex.
 */
import type { ActorRecord } from '@core/actors/types';
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
  type TermStats,
} from '@core/match';
import type { Incident } from '@core/pack/schema';
import { isBuiltinActor } from './db/actors';
import type { ClaimRow, CounterpointDB, IncidentRow, RelationRow } from './db/database';
import { claimKey, claimOfRow, incidentOfRow } from './db/rows';
import { termsOf } from './db/terms';

export const MATCH_LIMITS = {
  /** Claims ranked per allegation, at most. */
  maxCandidates: 120,
  /** Claims fetched per retrieval route (the accused side's statements, statements about the actors, per term). */
  perRoute: 50,
  perTerm: 20,
  /** A term found in more claims than this says too little to fetch them by. */
  maxClaimsPerTerm: 500,
  /** How many of the query's rarest terms fetch candidates. */
  maxTerms: 4,
  /** Claims read by actor key before the union is capped (keys only, cheap). */
  maxActorKeys: 20_000,
  /** Cached term counts; Firefox's background page lives for days, and pages bring new words. */
  maxCachedTerms: 50_000,
} as const;

/**
 * Reads shared by the lookups of one page: its allegations often name the
 * same parties and words, so each route's rows are read once per batch.
 */
export type MatchBatch = Map<string, Promise<ClaimRow[]>>;

export function createMatchBatch(): MatchBatch {
  return new Map();
}

export interface DbMatcher {
  counterStatements(query: MatchQuery, limit?: number, batch?: MatchBatch): Promise<CounterStatement[]>;
  /** Forgets cached counts: call after a pack is imported or removed. */
  invalidate(): void;
  /** Packs the user switched off: installed, but never a counter-statement. */
  exclude(packIds: ReadonlySet<string>): void;
}

export function storedClaimOf(row: ClaimRow): StoredClaim {
  return { ...claimOfRow(row), key: row.key, packId: row.packId, terms: row.terms };
}

function storedRelationOf(row: RelationRow): StoredRelation {
  const rel: StoredRelation = { from: row.from, to: row.to, type: row.type };
  if (row.note !== undefined) rel.note = row.note;
  return rel;
}

/** The state an actor row resolves to, by the gazetteer's rules (an organisation speaks for no state). */
function stateOfRecord(r: ActorRecord): string | undefined {
  if (r.kind === 'organisation') return undefined;
  return r.kind === 'state' ? r.id : r.state;
}

/**
 * The detector's resolver first (it knows names and officials), then the
 * `actors` table for ids only packs or the MISP galaxy define.
 */
async function withDbActors(
  db: CounterpointDB,
  base: ActorResolver,
  ids: Iterable<string>,
  known: Map<string, string | undefined>,
): Promise<ActorResolver> {
  // A builtin actor the detector gives no state (a criminal gang, a company) keeps none: packs cannot give it one.
  const missing = [...new Set(ids)].filter(
    (id) => !known.has(id) && base.stateOf(id) === undefined && !isBuiltinActor(id),
  );
  if (missing.length > 0) {
    const rows = await db.actors.bulkGet(missing);
    missing.forEach((id, i) => {
      const row = rows[i];
      known.set(id, row ? stateOfRecord(row) : undefined);
    });
  }
  return { stateOf: (id) => base.stateOf(id) ?? known.get(id) };
}

function actorIdsOf(c: StoredClaim): string[] {
  return [...c.accused, c.speakerActor, ...(c.accuser === null ? [] : [c.accuser])];
}

export function createDbMatcher(db: CounterpointDB, resolver: ActorResolver): DbMatcher {
  // Per term, how many claims carry it; and the number of claims. Valid until a pack changes.
  let termCounts = new Map<string, number>();
  let excluded: ReadonlySet<string> = new Set();
  let claimCount: number | undefined;

  async function countOf(term: string): Promise<number> {
    const cached = termCounts.get(term);
    if (cached !== undefined) return cached;
    const counts = termCounts;
    const n = await db.claims.where('terms').equals(term).count();
    if (counts.size >= MATCH_LIMITS.maxCachedTerms) counts.clear();
    counts.set(term, n);
    return n;
  }

  async function candidateRows(
    accusedSide: string[],
    actorKeys: string[],
    terms: string[],
    batch: MatchBatch,
  ): Promise<ClaimRow[]> {
    const once = (key: string, read: () => Promise<ClaimRow[]>): Promise<ClaimRow[]> => {
      let rows = batch.get(key);
      if (rows === undefined) {
        rows = read();
        batch.set(key, rows);
      }
      return rows;
    };
    // Three targeted routes, each bounded, read as rows in one pass: what the accused side said
    // (denials, counter-accusations), statements blaming either party, statements sharing the
    // query's rarest terms.
    const counts = await Promise.all(terms.map(async (t) => [t, await countOf(t)] as const));
    const rarest = counts
      .filter(([, n]) => n > 0 && n <= MATCH_LIMITS.maxClaimsPerTerm)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, MATCH_LIMITS.maxTerms);
    const [own, fromAccused, aboutActors, ...byTerms] = await Promise.all([
      // The reader's own statements ("My annotations") about either party: few, and always considered.
      actorKeys.length === 0
        ? Promise.resolve([] as ClaimRow[])
        : once('own', () =>
            db.claims.where('packId').equals(MY_ANNOTATIONS_PACK_ID).limit(MATCH_LIMITS.perRoute).toArray(),
          ).then((rows) => rows.filter((r) => r.actorKeys.some((k) => actorKeys.includes(k)))),
      accusedSide.length === 0
        ? Promise.resolve([] as ClaimRow[])
        : once(`speaker:${[...accusedSide].sort().join('\n')}`, () =>
            db.claims.where('speakerActor').anyOf(accusedSide).limit(MATCH_LIMITS.perRoute).toArray(),
          ),
      actorKeys.length === 0
        ? Promise.resolve([] as ClaimRow[])
        : once(`accused:${[...actorKeys].sort().join('\n')}`, () =>
            db.claims.where('accused').anyOf(actorKeys).limit(MATCH_LIMITS.perRoute).toArray(),
          ),
      ...rarest.map(([t]) =>
        once(`term:${t}`, () => db.claims.where('terms').equals(t).limit(MATCH_LIMITS.perTerm).toArray()),
      ),
    ]);
    const byActor = new Map<string, ClaimRow>();
    for (const r of [...fromAccused, ...aboutActors]) byActor.set(r.key, r);
    const byTerm = new Map<string, ClaimRow>();
    for (const rows of byTerms) for (const r of rows) byTerm.set(r.key, r);
    // When the union is too large, claims found both ways are the likeliest answers, then those of the actors.
    const both = [...byActor.values()].filter((r) => byTerm.has(r.key));
    const actorOnly = [...byActor.values()].filter((r) => !byTerm.has(r.key));
    const termOnly = [...byTerm.values()].filter((r) => !byActor.has(r.key));
    const ownKeys = new Set(own.map((r) => r.key));
    return [...own, ...[...both, ...actorOnly, ...termOnly].filter((r) => !ownKeys.has(r.key))].slice(
      0,
      MATCH_LIMITS.maxCandidates,
    );
  }

  async function relationsOf(keys: string[]): Promise<StoredRelation[]> {
    if (keys.length === 0) return [];
    const [from, to] = await Promise.all([
      db.relations.where('from').anyOf(keys).toArray(),
      db.relations.where('to').anyOf(keys).toArray(),
    ]);
    const byKey = new Map<number | string, RelationRow>();
    for (const row of [...from, ...to]) byKey.set(row.key ?? `${row.from}>${row.to}>${row.type}`, row);
    return [...byKey.values()].map(storedRelationOf);
  }

  async function incidentsOf(claims: StoredClaim[]): Promise<(Incident & { packId: string })[]> {
    const keys = [
      ...new Set(claims.flatMap((c) => (c.incident === undefined ? [] : [claimKey(c.packId, c.incident)]))),
    ];
    if (keys.length === 0) return [];
    const rows = await db.incidents.bulkGet(keys);
    return rows
      .filter((r): r is IncidentRow => r !== undefined)
      .map((r) => ({ ...incidentOfRow(r), packId: r.packId }));
  }

  async function stats(terms: string[], claims: readonly StoredClaim[]): Promise<TermStats> {
    // Document frequencies over every installed claim, as the in-memory index computes them;
    // the average length from the candidates, which avoids reading the whole table. `df` knows
    // the query's terms only: the ranking compares everything else (incident names) with those.
    claimCount ??= await db.claims.count();
    const df = new Map<string, number>();
    for (const t of terms) df.set(t, await countOf(t));
    return {
      docs: Math.max(claimCount, claims.length),
      avgLength: statsFor(claims).avgLength,
      df: (t) => df.get(t) ?? 0,
    };
  }

  return {
    async counterStatements(query, limit = 5, batch = createMatchBatch()) {
      const known = new Map<string, string | undefined>();
      const queryIds = [query.accused, query.accuser].filter((id): id is string => typeof id === 'string');
      const queryResolver = await withDbActors(db, resolver, queryIds, known);
      const actorKeys = queryActorKeys(query, queryResolver);
      const terms = termsOf(query.text);
      const accusedSide = [query.accused, query.accused ? queryResolver.stateOf(query.accused) : undefined].filter(
        (id): id is string => typeof id === 'string',
      );
      const read = await candidateRows([...new Set(accusedSide)], actorKeys, terms, batch);
      const rows = excluded.size === 0 ? read : read.filter((r) => !excluded.has(r.packId));
      if (rows.length === 0) return [];
      const candidates = rows.map(storedClaimOf);
      const [incidents, fullResolver, termStats] = await Promise.all([
        incidentsOf(candidates),
        withDbActors(db, resolver, candidates.flatMap(actorIdsOf), known),
        stats(terms, candidates),
      ]);
      const ctx = { resolver: fullResolver, incidents, stats: termStats };
      // Rank first; explicit relations only matter around the top answers, so they are read for those alone.
      const first = rankCounterStatements(query, candidates, { ...ctx, limit: Math.max(limit * 2, 10) });
      const shortlist = first.map((s) => s.claim);
      const relations = await relationsOf(shortlist.map((c) => c.key));
      return rankCounterStatements(query, shortlist, { ...ctx, relations, limit });
    },
    invalidate() {
      termCounts = new Map();
      claimCount = undefined;
    },
    exclude(packIds) {
      excluded = new Set(packIds);
    },
  };
}
