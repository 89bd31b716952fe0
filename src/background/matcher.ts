/**
 * Counter-statements from the installed packs. Candidates come from each
 * pack's compact index (claim-index.ts), held in memory once read: the head
 * row at the first lookup, a shard row when a candidate is in it. Only the
 * statements shown are read in full, from their blocks. The ranking is the
 * pure matcher's, so the extension answers as the CLI and the benchmarks do.
 *
 * Retrieval is that of the indexes it replaces, route for route: what the
 * accused side said (first claims by key), statements blaming either party,
 * statements sharing the query's rarest terms, the reader's own statements.
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
import type { Claim, Incident } from '@core/pack/schema';
import { isBuiltinActor, loadSponsors } from './db/actors';
import {
  type Coded,
  compareKeys,
  headKey,
  INDEX_LIMITS,
  type IndexHeadRow,
  type IndexShardRow,
  normaliseUrl,
  postingsOf,
  shardKey,
  urlHash,
} from './db/claim-index';
import { type BlockCache, readFromBlocks } from './db/claim-store';
import type { CounterpointDB, IncidentRow } from './db/database';
import { claimKey, incidentOfRow } from './db/rows';
import { claimActorKeys, termsOf } from './db/terms';

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
  /** Parsed blocks kept per pack (the statements shown most recently). */
  maxCachedBlocks: 256,
} as const satisfies Record<string, number>;

// The index keeps enough of each route for these limits.
if (
  MATCH_LIMITS.perRoute > INDEX_LIMITS.routeDepth ||
  MATCH_LIMITS.perTerm > INDEX_LIMITS.rareDepth ||
  MATCH_LIMITS.maxClaimsPerTerm > INDEX_LIMITS.rareTermClaims
)
  throw new Error('MATCH_LIMITS exceed what the claim index keeps (INDEX_LIMITS)');

/**
 * Work shared by the lookups of one page: its allegations often name the
 * same parties and words, so each route is worked out once per batch.
 */
export type MatchBatch = Map<string, Promise<unknown>>;

export function createMatchBatch(): MatchBatch {
  return new Map();
}

export interface DbMatcher {
  counterStatements(query: MatchQuery, limit?: number, batch?: MatchBatch): Promise<CounterStatement[]>;
  /** Reads the packs' index heads now (at the worker's start, while the first page is being read). */
  warm(): Promise<void>;
  /** Forgets what it read: call after a pack is imported or removed. */
  invalidate(): void;
  /** Packs the user switched off: installed, but never a counter-statement. */
  exclude(packIds: ReadonlySet<string>): void;
}

interface Shard {
  ids: string[];
  row: IndexShardRow;
}

/** A pack's index in memory: the head at once, shards as candidates need them. */
class LoadedPack {
  readonly packId: string;
  private termIds: Map<string, number> | undefined;
  private vocabList: string[] | undefined;
  private readonly shards = new Map<number, Promise<Shard>>();
  private relationIndex: { from: Map<number, number[]>; to: Map<number, number[]> } | undefined;
  readonly blocks: BlockCache = new Map();

  constructor(
    private readonly db: CounterpointDB,
    readonly head: IndexHeadRow,
  ) {
    this.packId = head.packId;
  }

  get n(): number {
    return this.head.n;
  }

  vocab(): string[] {
    this.vocabList ??= this.head.n === 0 ? [] : this.head.vocab.split('\n');
    return this.vocabList;
  }

  termId(term: string): number | undefined {
    if (this.termIds === undefined) {
      const ids = new Map<string, number>();
      this.vocab().forEach((t, i) => {
        ids.set(t, i);
      });
      this.termIds = ids;
    }
    return this.termIds.get(term);
  }

  df(term: string): number {
    const id = this.termId(term);
    return id === undefined ? 0 : (this.head.df[id] ?? 0);
  }

  /** The first claims carrying a rare term, in key order (none for a frequent or absent term). */
  rare(term: string): Uint32Array {
    const id = this.termId(term);
    if (id === undefined) return new Uint32Array(0);
    const { termIds, starts, ordinals } = this.head.rare;
    let lo = 0;
    let hi = termIds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = termIds[mid] as number;
      if (at === id) return ordinals.subarray(starts[mid], starts[mid + 1]);
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return new Uint32Array(0);
  }

  shard(n: number): Promise<Shard> {
    let shard = this.shards.get(n);
    if (shard === undefined) {
      shard = this.db.claimIndex.get(shardKey(this.packId, n)).then((row) => {
        if (row?.kind !== 'shard') throw new Error(`claim index of ${this.packId}: shard ${n} is missing`);
        return { ids: row.ids.split('\n'), row };
      });
      shard.catch(() => this.shards.delete(n));
      this.shards.set(n, shard);
    }
    return shard;
  }

  /** Relation indexes (pack order) from and to each claim. */
  relations(): { from: Map<number, number[]>; to: Map<number, number[]> } {
    if (this.relationIndex === undefined) {
      const from = new Map<number, number[]>();
      const to = new Map<number, number[]>();
      const r = this.head.relations;
      for (let i = 0; i < r.from.length; i++) {
        const f = r.from[i] as number;
        const t = r.to[i] as number;
        from.set(f, [...(from.get(f) ?? []), i]);
        to.set(t, [...(to.get(t) ?? []), i]);
      }
      this.relationIndex = { from, to };
    }
    return this.relationIndex;
  }
}

/** One claim of one loaded pack. */
interface Ref {
  pack: LoadedPack;
  ordinal: number;
}

/** A claim's place, once its shard is loaded. */
interface Located extends Ref {
  key: string;
  shard: Shard;
  at: number;
}

function decode(c: Coded, i: number): string | undefined {
  const code = c.codes[i] as number;
  return code === 0 ? undefined : c.dict[code - 1];
}

/**
 * What ranking reads of a claim, from its shard. The display fields (text,
 * source…) are left empty: the answers are read in full from their blocks.
 */
function rankingClaim(x: Located): StoredClaim {
  const r = x.shard.row;
  const i = x.at;
  const vocab = x.pack.vocab();
  const accused: string[] = [];
  for (let j = r.accusedStarts[i] as number; j < (r.accusedStarts[i + 1] as number); j++)
    accused.push(r.accused.dict[(r.accused.codes[j] as number) - 1] as string);
  const terms: string[] = [];
  for (let j = r.termStarts[i] as number; j < (r.termStarts[i + 1] as number); j++)
    terms.push(vocab[r.terms[j] as number] as string);
  const claim: StoredClaim = {
    id: x.shard.ids[i] as string,
    text: '',
    lang: '',
    speaker: decode(r.speaker, i) ?? '',
    speakerActor: decode(r.speakerActor, i) ?? '',
    accused,
    accuser: decode(r.accuser, i) ?? null,
    targets: [],
    action: decode(r.action, i) as Claim['action'],
    stance: decode(r.stance, i) as Claim['stance'],
    date: decode(r.date, i) ?? '',
    source: { url: '', publisher: '' },
    key: x.key,
    packId: x.pack.packId,
    terms,
  };
  const incident = decode(r.incident, i);
  if (incident !== undefined) claim.incident = incident;
  return claim;
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

async function locate(refs: readonly Ref[]): Promise<Located[]> {
  return Promise.all(
    refs.map(async (ref) => {
      const s = Math.floor(ref.ordinal / ref.pack.head.shardSize);
      const shard = await ref.pack.shard(s);
      const at = ref.ordinal - s * ref.pack.head.shardSize;
      return { ...ref, shard, at, key: claimKey(ref.pack.packId, shard.ids[at] as string) };
    }),
  );
}

/** The first `limit` claims of several packs' lists (each in key order), in the order of their keys. */
async function firstByKey(lists: readonly Ref[][], limit: number): Promise<Located[]> {
  const all = await locate(lists.flat());
  return all.sort((a, b) => compareKeys(a.key, b.key)).slice(0, limit);
}

export function createDbMatcher(db: CounterpointDB, resolver: ActorResolver): DbMatcher {
  let loaded: Promise<LoadedPack[]> | undefined;
  let excluded: ReadonlySet<string> = new Set();
  let incidents = new Map<string, (Incident & { packId: string }) | null>();

  function packs(): Promise<LoadedPack[]> {
    if (loaded === undefined) {
      const loading = (async () => {
        const ids = (await db.packs.toCollection().primaryKeys()).sort(compareKeys);
        const heads = await db.claimIndex.bulkGet(ids.map(headKey));
        return heads.flatMap((h) => (h?.kind === 'head' ? [new LoadedPack(db, h)] : []));
      })();
      loading.catch(() => {
        if (loaded === loading) loaded = undefined;
      });
      loaded = loading;
    }
    return loaded;
  }

  /** A route's claims: per key (in key order), every pack's list merged by claim key, then the first `limit`. */
  async function route(
    all: readonly LoadedPack[],
    keys: readonly string[],
    listOf: (p: LoadedPack, key: string) => Uint32Array,
    perKey: number,
    limit: number,
  ): Promise<Located[]> {
    const out: Located[] = [];
    for (const key of [...keys].sort(compareKeys)) {
      const lists = all.map((pack) =>
        Array.from(listOf(pack, key).subarray(0, perKey), (ordinal) => ({ pack, ordinal })),
      );
      out.push(...(await firstByKey(lists, perKey)));
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  async function candidates(
    all: readonly LoadedPack[],
    accusedSide: string[],
    actorKeys: string[],
    terms: string[],
    batch: MatchBatch,
  ): Promise<Located[]> {
    const once = (key: string, read: () => Promise<Located[]>): Promise<Located[]> => {
      let found = batch.get(key) as Promise<Located[]> | undefined;
      if (found === undefined) {
        found = read();
        batch.set(key, found);
      }
      return found;
    };
    const df = (t: string) => all.reduce((n, p) => n + p.df(t), 0);
    const rarest = terms
      .map((t) => [t, df(t)] as const)
      .filter(([, n]) => n > 0 && n <= MATCH_LIMITS.maxClaimsPerTerm)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, MATCH_LIMITS.maxTerms);
    const own = all.find((p) => p.packId === MY_ANNOTATIONS_PACK_ID);
    const [mine, fromAccused, aboutActors, ...byTerms] = await Promise.all([
      // The reader's own statements ("My annotations") about either party: few, and always considered.
      actorKeys.length === 0 || own === undefined
        ? Promise.resolve([] as Located[])
        : once('own', () =>
            locate(
              Array.from({ length: Math.min(own.n, MATCH_LIMITS.perRoute) }, (_, ordinal) => ({ pack: own, ordinal })),
            ),
          ).then((refs) => ownAbout(refs, actorKeys)),
      accusedSide.length === 0
        ? Promise.resolve([] as Located[])
        : once(`speaker:${[...accusedSide].sort().join('\n')}`, () =>
            route(
              all,
              accusedSide,
              (p, k) => postingsOf(p.head.speakers, k),
              MATCH_LIMITS.perRoute,
              MATCH_LIMITS.perRoute,
            ),
          ),
      actorKeys.length === 0
        ? Promise.resolve([] as Located[])
        : once(`accused:${[...actorKeys].sort().join('\n')}`, () =>
            route(
              all,
              actorKeys,
              (p, k) => postingsOf(p.head.accused, k),
              MATCH_LIMITS.perRoute,
              MATCH_LIMITS.perRoute,
            ),
          ),
      ...rarest.map(([t]) =>
        once(`term:${t}`, () => route(all, [t], (p, k) => p.rare(k), MATCH_LIMITS.perTerm, MATCH_LIMITS.perTerm)),
      ),
    ]);
    const byActor = new Map<string, Located>();
    for (const r of [...fromAccused, ...aboutActors]) byActor.set(r.key, r);
    const byTerm = new Map<string, Located>();
    for (const rows of byTerms) for (const r of rows) byTerm.set(r.key, r);
    // When the union is too large, claims found both ways are the likeliest answers, then those of the actors.
    const both = [...byActor.values()].filter((r) => byTerm.has(r.key));
    const actorOnly = [...byActor.values()].filter((r) => !byTerm.has(r.key));
    const termOnly = [...byTerm.values()].filter((r) => !byActor.has(r.key));
    const ownKeys = new Set(mine.map((r) => r.key));
    return [...mine, ...[...both, ...actorOnly, ...termOnly].filter((r) => !ownKeys.has(r.key))].slice(
      0,
      MATCH_LIMITS.maxCandidates,
    );
  }

  /** The reader's statements that involve one of `actorKeys` (their actors, and the sponsors of the groups among them). */
  async function ownAbout(refs: Located[], actorKeys: string[]): Promise<Located[]> {
    const claims = refs.map(rankingClaim);
    const sponsorOf = await loadSponsors(db, claims.flatMap(actorIdsOf));
    return refs.filter((_, i) =>
      claimActorKeys(claims[i] as StoredClaim, sponsorOf).some((k) => actorKeys.includes(k)),
    );
  }

  async function incidentsOf(claims: StoredClaim[]): Promise<(Incident & { packId: string })[]> {
    const keys = [
      ...new Set(claims.flatMap((c) => (c.incident === undefined ? [] : [claimKey(c.packId, c.incident)]))),
    ];
    const missing = keys.filter((k) => !incidents.has(k));
    if (missing.length > 0) {
      const cache = incidents;
      const rows = await db.incidents.bulkGet(missing);
      missing.forEach((k, i) => {
        const r: IncidentRow | undefined = rows[i];
        cache.set(k, r === undefined ? null : { ...incidentOfRow(r), packId: r.packId });
      });
    }
    return keys.flatMap((k) => {
      const inc = incidents.get(k);
      return inc === undefined || inc === null ? [] : [inc];
    });
  }

  /** The relations between the shortlisted claims, in the order the database's `from` and `to` indexes gave them. */
  function relationsOf(shortlist: readonly Located[]): StoredRelation[] {
    const byKey = new Map(shortlist.map((x) => [x.key, x]));
    const sorted = [...shortlist].sort((a, b) => compareKeys(a.key, b.key));
    const seen = new Set<string>();
    const out: StoredRelation[] = [];
    for (const side of ['from', 'to'] as const) {
      for (const x of sorted) {
        const rel = x.pack.head.relations;
        for (const i of x.pack.relations()[side].get(x.ordinal) ?? []) {
          const id = `${x.pack.packId}\n${i}`;
          if (seen.has(id)) continue;
          // A relation only moves a statement when both ends are shortlisted.
          const other = side === 'from' ? (rel.to[i] as number) : (rel.from[i] as number);
          const end = shortlist.find((y) => y.pack === x.pack && y.ordinal === other);
          if (end === undefined) continue;
          seen.add(id);
          const [from, to] = side === 'from' ? [x, end] : [end, x];
          out.push({
            from: from.key,
            to: to.key,
            type: rel.types[(rel.type[i] as number) - 1] as StoredRelation['type'],
          });
        }
      }
    }
    return byKey.size === 0 ? [] : out;
  }

  /** The full claims of `found`, read from their blocks. */
  async function fullClaims(found: readonly Located[]): Promise<(Claim | undefined)[]> {
    const out: (Claim | undefined)[] = found.map(() => undefined);
    const byPack = new Map<LoadedPack, number[]>();
    found.forEach((x, i) => {
      byPack.set(x.pack, [...(byPack.get(x.pack) ?? []), i]);
    });
    await Promise.all(
      [...byPack].map(async ([pack, positions]) => {
        if (pack.blocks.size > MATCH_LIMITS.maxCachedBlocks) pack.blocks.clear();
        const wanted = positions.map((i) => {
          const x = found[i] as Located;
          return { block: x.shard.row.block[x.at] as number, id: x.shard.ids[x.at] as string };
        });
        const claims = await readFromBlocks(db, pack.packId, wanted, pack.blocks);
        positions.forEach((p, j) => {
          out[p] = claims[j];
        });
      }),
    );
    return out;
  }

  /** Leaves out the statements whose source is the page itself. */
  async function notFromPage(found: Located[], pageUrl: string | undefined): Promise<Located[]> {
    if (pageUrl === undefined) return found;
    const hash = urlHash(pageUrl);
    const suspects = found.filter((x) => x.shard.row.urlHash[x.at] === hash);
    if (suspects.length === 0) return found;
    const page = normaliseUrl(pageUrl);
    const claims = await fullClaims(suspects);
    const same = new Set(suspects.filter((_, i) => normaliseUrl(claims[i]?.source.url ?? '') === page));
    return found.filter((x) => !same.has(x));
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
      const all = await packs();
      const read = await candidates(all, [...new Set(accusedSide)], actorKeys, terms, batch);
      const pool = excluded.size === 0 ? read : read.filter((r) => !excluded.has(r.pack.packId));
      if (pool.length === 0) return [];
      const poolClaims = pool.map(rankingClaim);
      // The average length counts the page's own statements, as ranking them all would.
      const avgLength = statsFor(poolClaims).avgLength;
      const kept = new Set(await notFromPage(pool, query.pageUrl));
      if (kept.size === 0) return [];
      const located = new Map<StoredClaim, Located>();
      pool.forEach((x, i) => {
        if (kept.has(x)) located.set(poolClaims[i] as StoredClaim, x);
      });
      const claims = [...located.keys()];
      const [found, fullResolver] = await Promise.all([
        incidentsOf(claims),
        withDbActors(db, resolver, claims.flatMap(actorIdsOf), known),
      ]);
      // Document frequencies over every installed claim, as the in-memory index computes them.
      const df = new Map(terms.map((t) => [t, all.reduce((n, p) => n + p.df(t), 0)]));
      const stats: TermStats = {
        docs: Math.max(
          all.reduce((n, p) => n + p.n, 0),
          pool.length,
        ),
        avgLength,
        df: (t) => df.get(t) ?? 0,
      };
      // The page's own statements are already left out.
      const { pageUrl: _pageUrl, ...rest } = query;
      const ctx = { resolver: fullResolver, incidents: found, stats };
      // Rank first; explicit relations only matter around the top answers, so they are read for those alone.
      const first = rankCounterStatements(rest, claims, { ...ctx, limit: Math.max(limit * 2, 10) });
      const shortlist = first.map((s) => located.get(s.claim) as Located);
      const ranked = rankCounterStatements(rest, shortlist.map(rankingClaimOf(located)), {
        ...ctx,
        relations: relationsOf(shortlist),
        limit,
      });
      const answers = ranked.map((s) => located.get(s.claim) as Located);
      const full = await fullClaims(answers);
      return ranked.flatMap((s, i) => {
        const claim = full[i];
        if (claim === undefined) return [];
        const stored: StoredClaim = { ...claim, key: s.claim.key, packId: s.claim.packId };
        if (s.claim.terms !== undefined) stored.terms = s.claim.terms;
        return [{ ...s, claim: stored }];
      });
    },
    async warm() {
      await packs().catch(() => {
        // The first lookup reads them again, and reports the failure.
      });
    },
    invalidate() {
      loaded = undefined;
      incidents = new Map();
    },
    exclude(packIds) {
      excluded = new Set(packIds);
    },
  };
}

/** The ranking claim of each shortlisted claim (the same objects as in the first ranking). */
function rankingClaimOf(located: Map<StoredClaim, Located>): (x: Located) => StoredClaim {
  const byLocated = new Map([...located].map(([claim, x]) => [x, claim]));
  return (x) => byLocated.get(x) as StoredClaim;
}
