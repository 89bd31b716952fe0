/**
 * The compact claim index of one pack, as stored in the `claimIndex` table:
 * a head row (term dictionary with document frequencies, the first claims of
 * each speaker, accused and rare term, relations) and shard rows (per claim,
 * in key order: what ranking reads, where the full claim is stored, and a
 * content hash that lets an update find what changed). Matching reads only
 * these rows, and only the shards its candidates are in; the full claims live
 * in blocks (see claim-store.ts) and are read for the answers alone.
 *
 * IndexedDB costs about as much per row as per kilobyte, so a few dense rows
 * replace the multi-entry indexes (`*terms` alone held ~20 entries a claim).
 */
import { normaliseUrl } from '@core/match/match';
import type { Claim, Relation } from '@core/pack/schema';
import { claimTerms } from './terms';

export const INDEX_LIMITS = {
  /** Claims kept per speaker and per accused actor, first in key order (the matcher uses ≤ this many). */
  routeDepth: 64,
  /** A term in more claims than this fetches none (the matcher's maxClaimsPerTerm must not exceed it). */
  rareTermClaims: 500,
  /** Claims kept per rare term, first in key order. */
  rareDepth: 32,
  /** Claims per shard row. */
  shardSize: 2048,
} as const;

/** `${packId}#head`, `${packId}#${n}`: the rows of a pack's index. Ids never contain '#'. */
export function headKey(packId: string): string {
  return `${packId}#head`;
}

export function shardKey(packId: string, n: number): string {
  return `${packId}#${n}`;
}

/** Sorted actor ids (or terms), each with the claims (ordinals) that route to it. */
export interface Postings {
  keys: string[];
  /** keys.length + 1 offsets into `ordinals`. */
  starts: Uint32Array;
  ordinals: Uint32Array;
}

export interface IndexHeadRow {
  key: string;
  packId: string;
  kind: 'head';
  /** Claims in the pack. */
  n: number;
  shardSize: number;
  shards: number;
  /** The id of the first claim of each shard (key order), to find a claim by id. */
  firstIds: string[];
  /** Every term of the pack, '\n'-joined; `df[i]` claims carry term i. */
  vocab: string;
  df: Uint32Array;
  /** The first claims of each rare term (df ≤ rareTermClaims), by term id. */
  rare: { termIds: Uint32Array; starts: Uint32Array; ordinals: Uint32Array };
  speakers: Postings;
  accused: Postings;
  /** The pack's relations in pack order, between ordinals. */
  relations: { from: Uint32Array; to: Uint32Array; type: Uint8Array; types: string[] };
  /** Blocks hold the full claims: the next block number, and how many claims each block holds (live or not). */
  nextBlock: number;
  blockSizes: Uint32Array;
}

/** Dictionary-coded strings: code 0 is "absent", code i + 1 is dict[i]. */
export interface Coded {
  dict: string[];
  codes: Uint32Array;
}

export interface IndexShardRow {
  key: string;
  packId: string;
  kind: 'shard';
  shard: number;
  /** Claim ids of the shard in key order, '\n'-joined. */
  ids: string;
  /** Position of each claim in the pack's `claims` array. */
  order: Uint32Array;
  /** The block that holds each claim. */
  block: Uint32Array;
  /** Hash of each claim's JSON: an update rewrites only claims whose hash changed. */
  hash: Float64Array;
  /** Hash of each claim's normalised source address (a statement is never its own page's counter-statement). */
  urlHash: Uint32Array;
  speaker: Coded;
  speakerActor: Coded;
  accuser: Coded;
  stance: Coded;
  action: Coded;
  date: Coded;
  incident: Coded;
  /** Accused actor ids: claim i's are accused.codes[accusedStarts[i]..accusedStarts[i + 1]]. */
  accusedStarts: Uint32Array;
  accused: Coded;
  /** Term ids (into the head's vocabulary), same layout. */
  termStarts: Uint32Array;
  terms: Uint32Array;
}

export type IndexRow = IndexHeadRow | IndexShardRow;

/** cyrb53: a fast 53-bit string hash (collisions among 10⁵ claims: about 10⁻⁶). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The content hash of a claim: hash53 of its JSON. A claim comes out of
 * parsePack with its keys in the schema's order, so equal claims give equal
 * text. (JSON.stringify is native and hash53 keeps its state in registers: a
 * third of the time of walking the value in place with closures, and a
 * tenth in the service worker, whose profiler showed the walk at 1 s for
 * 100,000 claims.) A pack installed with the earlier hash is rewritten whole
 * at its next update, once: its hashes no longer match, nothing else differs.
 */
export function claimHash(claim: Claim): number {
  return hash53(JSON.stringify(claim));
}

/** The page a source address names (one rule with the in-memory matcher's). */
export { normaliseUrl };

export function urlHash(u: string): number {
  return hash53(normaliseUrl(u)) % 4294967296;
}

/** Code-unit order, as IndexedDB compares string keys. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Coder {
  private readonly index = new Map<string, number>();
  readonly dict: string[] = [];
  code(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0;
    let code = this.index.get(value);
    if (code === undefined) {
      this.dict.push(value);
      code = this.dict.length;
      this.index.set(value, code);
    }
    return code;
  }
}

function coded(values: readonly (string | null | undefined)[]): Coded {
  const coder = new Coder();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    codes[i] = coder.code(v);
  });
  return { dict: coder.dict, codes };
}

/** Lists per key, each kept to its first `depth` entries, as sorted postings. */
class PostingsBuilder {
  private readonly lists = new Map<string, number[]>();
  constructor(private readonly depth: number) {}
  add(key: string, ordinal: number): void {
    let list = this.lists.get(key);
    if (list === undefined) {
      list = [];
      this.lists.set(key, list);
    }
    if (list.length < this.depth) list.push(ordinal);
  }
  build(): Postings {
    const keys = [...this.lists.keys()].sort(compareKeys);
    const starts = new Uint32Array(keys.length + 1);
    const all: number[] = [];
    keys.forEach((k, i) => {
      starts[i] = all.length;
      for (const o of this.lists.get(k) ?? []) all.push(o);
    });
    starts[keys.length] = all.length;
    return { keys, starts, ordinals: Uint32Array.from(all) };
  }
}

/** A claim to index: the claim, its place in the pack, and the block that stores it. */
export interface IndexInput {
  claim: Claim;
  order: number;
  block: number;
  /** claimHash(claim), when the caller computed it already. */
  hash?: number;
}

/** The rows of a pack's index. `inputs` in any order; relations as published. */
export function buildPackIndex(
  packId: string,
  inputs: readonly IndexInput[],
  relations: readonly Relation[],
  blocks: { nextBlock: number; blockSizes: Uint32Array },
): { head: IndexHeadRow; shards: IndexShardRow[] } {
  const sorted = [...inputs].sort((a, b) => compareKeys(a.claim.id, b.claim.id));
  const n = sorted.length;
  const ordinalOf = new Map<string, number>();
  sorted.forEach((x, i) => {
    ordinalOf.set(x.claim.id, i);
  });

  const termIds = new Map<string, number>();
  const vocab: string[] = [];
  const df: number[] = [];
  const firstByTerm: number[][] = [];
  const speakers = new PostingsBuilder(INDEX_LIMITS.routeDepth);
  const accused = new PostingsBuilder(INDEX_LIMITS.routeDepth);
  // Every claim's term ids, flat: claim i's are termIds[termStarts[i]..termStarts[i + 1]].
  const termStartsAll = new Uint32Array(n + 1);
  let allTerms = new Uint32Array(Math.max(16, n * 16));

  for (let i = 0; i < n; i++) {
    const c = (sorted[i] as IndexInput).claim;
    let at = termStartsAll[i] as number;
    for (const t of claimTerms(c)) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = vocab.length;
        termIds.set(t, id);
        vocab.push(t);
        df.push(0);
        firstByTerm.push([]);
      }
      df[id] = (df[id] ?? 0) + 1;
      const first = firstByTerm[id] as number[];
      if (first.length < INDEX_LIMITS.rareDepth) first.push(i);
      if (at === allTerms.length) {
        const grown = new Uint32Array(allTerms.length * 2);
        grown.set(allTerms);
        allTerms = grown;
      }
      allTerms[at++] = id;
    }
    termStartsAll[i + 1] = at;
    speakers.add(c.speakerActor, i);
    for (const a of new Set(c.accused)) accused.add(a, i);
  }

  const rareIds: number[] = [];
  const rareStarts: number[] = [];
  const rareOrdinals: number[] = [];
  vocab.forEach((_, id) => {
    if ((df[id] ?? 0) > INDEX_LIMITS.rareTermClaims) return;
    rareIds.push(id);
    rareStarts.push(rareOrdinals.length);
    for (const o of firstByTerm[id] ?? []) rareOrdinals.push(o);
  });
  rareStarts.push(rareOrdinals.length);

  const relTypes = new Coder();
  const relFrom: number[] = [];
  const relTo: number[] = [];
  const relType: number[] = [];
  for (const r of relations) {
    const from = ordinalOf.get(r.from);
    const to = ordinalOf.get(r.to);
    // parsePack checks that both ends exist.
    if (from === undefined || to === undefined) continue;
    relFrom.push(from);
    relTo.push(to);
    relType.push(relTypes.code(r.type));
  }

  const size = INDEX_LIMITS.shardSize;
  const shards: IndexShardRow[] = [];
  const firstIds: string[] = [];
  for (let s = 0; s * size < n; s++) {
    const part = sorted.slice(s * size, (s + 1) * size);
    const claims = part.map((x) => x.claim);
    firstIds.push((claims[0] as Claim).id);
    const accusedStarts = new Uint32Array(part.length + 1);
    const accusedValues: string[] = [];
    const from = termStartsAll[s * size] as number;
    const to = termStartsAll[s * size + part.length] as number;
    const termStarts = termStartsAll.slice(s * size, s * size + part.length + 1).map((x) => x - from);
    claims.forEach((c, i) => {
      accusedStarts[i] = accusedValues.length;
      accusedValues.push(...c.accused);
    });
    accusedStarts[part.length] = accusedValues.length;
    shards.push({
      key: shardKey(packId, s),
      packId,
      kind: 'shard',
      shard: s,
      ids: claims.map((c) => c.id).join('\n'),
      order: Uint32Array.from(part, (x) => x.order),
      block: Uint32Array.from(part, (x) => x.block),
      hash: Float64Array.from(part, (x) => x.hash ?? claimHash(x.claim)),
      urlHash: Uint32Array.from(claims, (c) => urlHash(c.source.url)),
      speaker: coded(claims.map((c) => c.speaker)),
      speakerActor: coded(claims.map((c) => c.speakerActor)),
      accuser: coded(claims.map((c) => c.accuser)),
      stance: coded(claims.map((c) => c.stance)),
      action: coded(claims.map((c) => c.action)),
      date: coded(claims.map((c) => c.date)),
      incident: coded(claims.map((c) => c.incident)),
      accusedStarts,
      accused: coded(accusedValues),
      termStarts,
      terms: allTerms.slice(from, to),
    });
  }

  const head: IndexHeadRow = {
    key: headKey(packId),
    packId,
    kind: 'head',
    n,
    shardSize: size,
    shards: shards.length,
    firstIds,
    vocab: vocab.join('\n'),
    df: Uint32Array.from(df),
    rare: {
      termIds: Uint32Array.from(rareIds),
      starts: Uint32Array.from(rareStarts),
      ordinals: Uint32Array.from(rareOrdinals),
    },
    speakers: speakers.build(),
    accused: accused.build(),
    relations: {
      from: Uint32Array.from(relFrom),
      to: Uint32Array.from(relTo),
      type: Uint8Array.from(relType),
      types: relTypes.dict,
    },
    nextBlock: blocks.nextBlock,
    blockSizes: blocks.blockSizes,
  };
  return { head, shards };
}

/** The claims (ordinals) a sorted postings list gives for `key`, or an empty list. */
export function postingsOf(p: Postings, key: string): Uint32Array {
  let lo = 0;
  let hi = p.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeys(p.keys[mid] as string, key);
    if (c === 0) return p.ordinals.subarray(p.starts[mid], p.starts[mid + 1]);
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return new Uint32Array(0);
}
