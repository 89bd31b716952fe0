/**
 * An in-memory claim index with the same retrieval as the database: by actor
 * keys (the allegation's accused and accuser, and the states behind them) and
 * by search terms. Used by the CLI, the tests and the benchmarks; the
 * background worker queries Dexie's multi-entry indexes the same way.
 */
import type { ClaimPack, Incident } from '../pack/schema';
import {
  type ActorResolver,
  type CounterStatement,
  type MatchQuery,
  rankCounterStatements,
  type StoredClaim,
  type StoredRelation,
  statsFor,
  type TermStats,
} from './match';
import { normaliseTerms } from './terms';

export * from './match';
export { normaliseTerms } from './terms';

/** Every actor key a claim involves: its actors and the states behind them. */
export function claimActorKeys(c: StoredClaim | ClaimPack['claims'][number], r: ActorResolver): string[] {
  return withStates([...c.accused, c.speakerActor, ...(c.accuser !== null ? [c.accuser] : [])], r);
}

/** The actor keys to look up for an allegation. */
export function queryActorKeys(q: MatchQuery, r: ActorResolver): string[] {
  return withStates(
    [q.accused, q.accuser].filter((id): id is string => typeof id === 'string'),
    r,
  );
}

export class ClaimIndex {
  private readonly claims: StoredClaim[] = [];
  private readonly bySpeaker = new Map<string, StoredClaim[]>();
  private readonly byAccused = new Map<string, StoredClaim[]>();
  private readonly byTerm = new Map<string, StoredClaim[]>();
  private readonly relations: StoredRelation[] = [];
  private readonly incidents: (Incident & { packId: string })[] = [];
  private stats: TermStats | undefined;

  constructor(private readonly resolver: ActorResolver) {}

  get size(): number {
    return this.claims.length;
  }

  addPack(pack: ClaimPack): this {
    const key = (id: string) => `${pack.id}/${id}`;
    for (const c of pack.claims) this.add({ ...c, key: key(c.id), packId: pack.id });
    for (const rel of pack.relations) this.relations.push({ ...rel, from: key(rel.from), to: key(rel.to) });
    this.incidents.push(...pack.incidents.map((i) => ({ ...i, packId: pack.id })));
    return this;
  }

  add(claim: StoredClaim): void {
    this.claims.push(claim);
    this.stats = undefined;
    for (const k of withStates([claim.speakerActor], this.resolver)) push(this.bySpeaker, k, claim);
    for (const k of withStates([...claim.accused, ...(claim.accuser !== null ? [claim.accuser] : [])], this.resolver))
      push(this.byAccused, k, claim);
    for (const t of normaliseTerms(`${claim.text} ${claim.speaker} ${claim.targets.join(' ')}`))
      push(this.byTerm, t, claim);
  }

  /** Candidate statements: by actor, plus by the query's rarest terms. */
  candidates(q: MatchQuery, maxPerTerm = 200, perRoute = 250, max = 600): StoredClaim[] {
    // The same bounded routes as the database: what the accused side said, statements blaming either
    // party, statements sharing the query's rarest terms.
    const out = new Set<StoredClaim>();
    const take = (list: readonly StoredClaim[] | undefined) => {
      for (const c of (list ?? []).slice(-perRoute)) if (out.size < max) out.add(c);
    };
    if (q.accused !== null) for (const k of withStates([q.accused], this.resolver)) take(this.bySpeaker.get(k));
    for (const k of queryActorKeys(q, this.resolver)) take(this.byAccused.get(k));
    const terms = normaliseTerms(q.text)
      .map((t) => [t, this.byTerm.get(t)?.length ?? 0] as const)
      .filter(([, n]) => n > 0 && n <= maxPerTerm)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 5);
    for (const [t] of terms) take(this.byTerm.get(t));
    return [...out];
  }

  counterStatements(q: MatchQuery, limit = 10): CounterStatement[] {
    this.stats ??= statsFor(this.claims);
    return rankCounterStatements(q, this.candidates(q), {
      resolver: this.resolver,
      relations: this.relations,
      incidents: this.incidents,
      stats: this.stats,
      limit,
    });
  }
}

function withStates(ids: readonly string[], r: ActorResolver): string[] {
  const keys = new Set<string>();
  for (const id of ids) {
    keys.add(id);
    const s = r.stateOf(id);
    if (s !== undefined) keys.add(s);
  }
  return [...keys];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export { inferAccusers } from './infer';
