/**
 * Counter-statement matching: given an allegation found on a page, rank the
 * stored statements that answer it — the accused side's denials and
 * counter-accusations, the attributions a denial rejects, fact-checks, and
 * statements about the same incident — each with a short human-readable
 * reason. Pure: candidates come from the caller (Dexie indexes in the
 * background, an in-memory ClaimIndex in the CLI and the tests).
 */
import { MY_ANNOTATIONS_PACK_ID } from '../annotation/statements';
import type { Claim, Incident, Relation } from '../pack/schema';
import type { Stance } from '../types';
import { CONCEPT_TERMS, normaliseTerms, termCounts } from './terms';

/** A stored claim: the pack's claim plus its database key and pack. */
export interface StoredClaim extends Claim {
  key: string;
  packId: string;
  /** Search terms, when the store already computed them (the database's `*terms` index). */
  terms?: readonly string[];
}

/** How a statement relates to the allegation, from the reader's side. */
export type MatchRelation = 'denies' | 'counter_accuses' | 'attributes' | 'fact_checks' | 'contextualises';

export interface CounterStatement {
  claim: StoredClaim;
  relation: MatchRelation;
  /** Short, human-readable: "denial by the accused state (CN)". */
  why: string;
  score: number;
  /** The incident the statement belongs to, when its pack names one and it is loaded. */
  incident?: Incident & { packId?: string };
}

export interface MatchQuery {
  text: string;
  stance: Stance;
  accused: string | null;
  accuser: string | null;
  action?: string;
  /** The page the allegation is on: a statement whose source is this page is never its counter-statement. */
  pageUrl?: string;
  /** ISO date of the page, when known: closer statements rank higher. */
  date?: string;
}

/** What the matcher needs to know about actors: the state behind an agency, official or group. */
export interface ActorResolver {
  stateOf(id: string): string | undefined;
}

export interface MatchContext {
  resolver: ActorResolver;
  relations?: readonly StoredRelation[];
  /** Incidents, with the pack they belong to: incident ids are local to a pack. */
  incidents?: readonly (Incident & { packId?: string })[];
  /** Corpus statistics for BM25; computed from the candidates when absent. */
  stats?: TermStats;
  limit?: number;
}

/** A relation between stored claims (claim keys, not pack-local ids). */
export interface StoredRelation extends Omit<Relation, 'from' | 'to'> {
  from: string;
  to: string;
}

export interface TermStats {
  docs: number;
  avgLength: number;
  df: (term: string) => number;
}

/** Added to the score of the reader's own statements (a denial by the accused scores about 3–5). */
const OWN_ANNOTATION_BONUS = 2.5;

const RELATION_WEIGHT: Record<MatchRelation, number> = {
  denies: 3,
  counter_accuses: 2.6,
  fact_checks: 2.4,
  attributes: 2.2,
  contextualises: 1,
};

/** 1 when the same actor, 0.8 when one is the other's state (APT31 ↔ CN), 0 otherwise. */
export function actorAffinity(a: string | null | undefined, b: string | null | undefined, r: ActorResolver): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const sa = r.stateOf(a) ?? a;
  const sb = r.stateOf(b) ?? b;
  return sa === sb ? 0.8 : 0;
}

function best(ids: readonly string[], target: string | null, r: ActorResolver): number {
  let m = 0;
  for (const id of ids) m = Math.max(m, actorAffinity(id, target, r));
  return m;
}

function isAccusing(c: Claim): boolean {
  return c.stance === 'accusation' || c.stance === 'attribution' || c.stance === 'counter_accusation';
}

interface Classified {
  relation: MatchRelation;
  why: string;
  strength: number;
}

/**
 * The relation of a claim to the allegation, decided from who speaks and who
 * is blamed on each side; null when the claim does not answer it.
 */
export function classify(q: MatchQuery, c: Claim, r: ActorResolver): Classified | null {
  const speaker = c.speakerActor;
  const accusedSide = q.accused;
  const accuserSide = q.accuser;
  const fromAccused = actorAffinity(speaker, accusedSide, r);
  const blamesAccuser = best(c.accused, accuserSide, r);
  const blamesAccused = best(c.accused, accusedSide, r);
  const label = (id: string | null | undefined) => id ?? '?';

  if (c.stance === 'fact_check') {
    const about = Math.max(blamesAccused, best(c.accused, accuserSide, r), fromAccused);
    if (about > 0) return { relation: 'fact_checks', why: `fact-check by ${c.speaker}`, strength: about };
    return null;
  }

  if (q.stance === 'accusation') {
    // The accused answers: a denial, or an accusation turned back.
    if (c.stance === 'denial' && (fromAccused > 0 || best(c.accused, accusedSide, r) > 0)) {
      const s = Math.max(fromAccused, blamesAccused);
      return { relation: 'denies', why: `denial by the accused (${label(accusedSide)})`, strength: s };
    }
    if (isAccusing(c) && fromAccused > 0 && c.accused.length > 0 && blamesAccused === 0) {
      const target = c.accused.join(', ');
      return {
        relation: 'counter_accuses',
        why:
          blamesAccuser > 0
            ? `counter-accusation: ${speaker} accuses ${target}, the accuser`
            : `counter-accusation: ${speaker} accuses ${target}`,
        strength: fromAccused * (blamesAccuser > 0 ? 1 : 0.85),
      };
    }
    // Others who blame the accuser ("allied attributions" against the party making this allegation).
    if (isAccusing(c) && blamesAccuser > 0 && actorAffinity(speaker, accuserSide, r) === 0) {
      return {
        relation: 'contextualises',
        why: `${speaker} ${c.stance === 'attribution' ? 'attributes operations' : 'points'} to ${label(accuserSide)}, the accuser`,
        strength: blamesAccuser * 0.8,
      };
    }
    // The accuser repeating itself elsewhere: context, not another side.
    if (isAccusing(c) && blamesAccused > 0 && actorAffinity(speaker, accuserSide, r) > 0) {
      return { relation: 'contextualises', why: `the same accusation by ${speaker}, elsewhere`, strength: 0.4 };
    }
    // The same accusation, made officially elsewhere.
    if (isAccusing(c) && blamesAccused > 0) {
      const official = c.stance === 'attribution' ? 'official attribution' : 'same accusation';
      return {
        relation: 'attributes',
        why: `${official}: ${speaker} blames ${label(accusedSide)}`,
        strength: blamesAccused * 0.7,
      };
    }
    return null;
  }

  if (q.stance === 'denial') {
    // A denial by X: show the accusations it rejects.
    if (isAccusing(c) && blamesAccused > 0) {
      const official = c.stance === 'attribution' ? 'the official attribution' : 'the accusation';
      return {
        relation: 'attributes',
        why: `${official} being denied: ${speaker} blames ${label(accusedSide)}`,
        strength: blamesAccused * (actorAffinity(speaker, accuserSide, r) > 0 ? 1 : 0.85),
      };
    }
    if (c.stance === 'denial' && fromAccused > 0)
      return {
        relation: 'contextualises',
        why: `earlier denial by ${label(accusedSide)}`,
        strength: fromAccused * 0.7,
      };
    return null;
  }

  // A counter-accusation: T (accuser) turns the blame on P (accused).
  if (c.stance === 'denial' && fromAccused > 0)
    return { relation: 'denies', why: `denial by the newly blamed (${label(accusedSide)})`, strength: fromAccused };
  // The accusation being turned back: the newly blamed party (or anyone) blaming the one turning it.
  if (isAccusing(c) && blamesAccuser > 0)
    return {
      relation: 'attributes',
      why: `the accusation being turned back: ${speaker} blames ${label(accuserSide)}`,
      strength: blamesAccuser * (fromAccused > 0 ? 1 : 0.9),
    };
  return null;
}

/** The form of a source address that identifies a page (no fragment, scheme, www or trailing slash). */
export function normaliseUrl(u: string): string {
  return u
    .trim()
    .replace(/#.*$/, '')
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

function claimText(c: Claim): string {
  return `${c.text} ${c.quote ?? ''} ${c.speaker} ${c.targets.join(' ')} ${c.accused.join(' ')}`;
}

const countsCache = new WeakMap<Claim, Map<string, number>>();

/** A claim's term counts: from its stored terms when present, else computed once per claim object. */
function countsOf(c: Claim & { terms?: readonly string[] }): Map<string, number> {
  let counts = countsCache.get(c);
  if (counts === undefined) {
    counts = c.terms !== undefined ? new Map(c.terms.map((t) => [t, 1])) : termCounts(claimText(c));
    countsCache.set(c, counts);
  }
  return counts;
}

/** BM25 statistics over a set of claims. */
export function statsFor(claims: readonly Claim[]): TermStats {
  const df = new Map<string, number>();
  let total = 0;
  for (const c of claims) {
    const counts = countsOf(c);
    total += counts.size;
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { docs: claims.length, avgLength: claims.length > 0 ? total / claims.length : 1, df: (t) => df.get(t) ?? 0 };
}

function bm25(queryTerms: readonly string[], c: Claim, stats: TermStats): number {
  const counts = countsOf(c);
  let length = 0;
  for (const n of counts.values()) length += n;
  const k1 = 1.2;
  const b = 0.75;
  let score = 0;
  for (const t of queryTerms) {
    const tf = counts.get(t) ?? 0;
    if (tf === 0) continue;
    const df = stats.df(t);
    const idf = Math.log(1 + (stats.docs - df + 0.5) / (df + 0.5));
    score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / stats.avgLength));
  }
  return score;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** Rank the candidates that answer the allegation; the best first. */
export function rankCounterStatements(
  q: MatchQuery,
  candidates: readonly StoredClaim[],
  ctx: MatchContext,
): CounterStatement[] {
  const r = ctx.resolver;
  const stats = ctx.stats ?? statsFor(candidates);
  const qTerms = normaliseTerms(q.text);
  const page = q.pageUrl !== undefined ? normaliseUrl(q.pageUrl) : null;
  const incidents = new Map(
    (ctx.incidents ?? []).map((i) => [i.packId !== undefined ? `${i.packId}/${i.id}` : i.id, i]),
  );
  const qFold = ` ${qTerms.join(' ')} `;

  const scored: CounterStatement[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    if (page !== null && normaliseUrl(c.source.url) === page) continue;
    const cls = classify(q, c, r);
    let lexical = bm25(qTerms, c, stats);
    let relation: MatchRelation;
    let why: string;
    let score: number;
    if (cls !== null) {
      relation = cls.relation;
      why = cls.why;
      score = RELATION_WEIGHT[relation] * cls.strength;
    } else {
      // No actor relation: only a strongly similar statement about the same matter is worth showing.
      if (lexical < 3) continue;
      relation = 'contextualises';
      why = 'similar statement';
      score = 0.4;
    }
    lexical = Math.min(lexical, 12);
    score += lexical / 6;
    if (q.action !== undefined && q.action === c.action) score += 0.2;
    // The allegation names the incident ("APT31", "Volt Typhoon", "IPAC"): same incident.
    const inc =
      c.incident !== undefined ? (incidents.get(`${c.packId}/${c.incident}`) ?? incidents.get(c.incident)) : undefined;
    if (inc !== undefined) {
      // Distinctive words only: the incident's actors and rare words of its name ("APT31", "IPAC", "Viasat").
      const names = normaliseTerms(`${inc.name} ${(inc.actors ?? []).join(' ')}`).filter(
        (t) => t.length > 3 && !CONCEPT_TERMS.has(t) && stats.df(t) <= Math.max(5, stats.docs * 0.05),
      );
      const hits = names.filter((t) => qFold.includes(` ${t} `));
      if (hits.length > 0) {
        score += 0.8;
        why += ` · same incident: ${inc.name}`;
      }
    }
    if (q.date !== undefined) score += 0.5 * Math.exp(-daysBetween(q.date, c.date) / 365);
    // The reader's own assessments ("My annotations") come first: they are the answers the reader wrote.
    if (c.packId === MY_ANNOTATIONS_PACK_ID && cls !== null) {
      score += OWN_ANNOTATION_BONUS;
      why += ' · your annotation';
    }
    scored.push(
      inc !== undefined ? { claim: c, relation, why, score, incident: inc } : { claim: c, relation, why, score },
    );
  }
  scored.sort(
    (a, b) => b.score - a.score || b.claim.date.localeCompare(a.claim.date) || a.claim.key.localeCompare(b.claim.key),
  );

  // Explicit relations: statements linked to a top answer (the denial of the attribution shown) rise.
  if (ctx.relations !== undefined && ctx.relations.length > 0 && scored.length > 1) {
    const top = new Set(scored.slice(0, 3).map((s) => s.claim.key));
    for (const s of scored.slice(3)) {
      const linked = ctx.relations.find(
        (rel) => (top.has(rel.from) && rel.to === s.claim.key) || (top.has(rel.to) && rel.from === s.claim.key),
      );
      if (linked !== undefined) {
        s.score += 0.5;
        s.why += ` · linked (${linked.type.replace('_', ' ')})`;
      }
    }
    scored.sort(
      (a, b) => b.score - a.score || b.claim.date.localeCompare(a.claim.date) || a.claim.key.localeCompare(b.claim.key),
    );
  }
  for (const s of scored) s.score = Math.round(s.score * 1000) / 1000;
  return scored.slice(0, ctx.limit ?? 10);
}
