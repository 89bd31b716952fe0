/**
 * Where the claims of installed packs live: in blocks of BLOCK_SIZE claims
 * (the `claims` table, one JSON string a row) with the pack's compact index
 * beside them (the `claimIndex` table, see claim-index.ts). A first install
 * writes every block; an update writes new blocks for the claims that
 * changed or appeared and deletes the blocks none of its claims use any more,
 * so a 1 % change rewrites about 1 % of the blocks (plus the index, which is
 * a few dense rows). The writers run inside the caller's transaction.
 */
import type { Claim, Relation } from '@core/pack/schema';
import {
  buildPackIndex,
  claimHash,
  compareKeys,
  headKey,
  type IndexHeadRow,
  type IndexInput,
  type IndexShardRow,
} from './claim-index';
import type { CounterpointDB } from './database';

/** Claims per block: an answer reads one block per statement shown, an import one row per block. */
export const BLOCK_SIZE = 64;

/** Blocks written per bulkAdd: their JSON is serialised as it goes, so an import holds one batch of it at a time. */
const WRITE_BATCH = 32;

export interface ClaimBlockRow {
  /** `${packId}#${block}`. */
  key: string;
  packId: string;
  block: number;
  /** JSON array of the block's claims, as parsePack returns them. */
  claims: string;
}

export function blockKey(packId: string, block: number): string {
  return `${packId}#${block}`;
}

export interface ClaimWriteStats {
  /** Blocks written and deleted. */
  blocksWritten: number;
  blocksDeleted: number;
  /** Claims written (in new blocks): all of them on a first install, the changed and new ones on an update. */
  claimsWritten: number;
  /** Index rows written (head and shards). */
  indexRows: number;
  /** Whether the update rewrote the pack whole (first install, or too many stale copies kept in blocks). */
  full: boolean;
}

async function writeBlocks(
  db: CounterpointDB,
  packId: string,
  groups: readonly Claim[][],
  first: number,
): Promise<void> {
  // One batch at a time, so that the JSON of only one batch is held (IndexedDB copies each value as it is added).
  for (let i = 0; i < groups.length; i += WRITE_BATCH) {
    const rows: ClaimBlockRow[] = groups.slice(i, i + WRITE_BATCH).map((claims, j) => ({
      key: blockKey(packId, first + i + j),
      packId,
      block: first + i + j,
      claims: JSON.stringify(claims),
    }));
    await db.claims.bulkAdd(rows);
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function writeIndex(
  db: CounterpointDB,
  packId: string,
  index: { head: IndexHeadRow; shards: IndexShardRow[] },
  previousShards: number,
): Promise<number> {
  await db.claimIndex.bulkPut([index.head, ...index.shards]);
  const stale = [];
  for (let s = index.shards.length; s < previousShards; s++) stale.push(`${packId}#${s}`);
  if (stale.length > 0) await db.claimIndex.bulkDelete(stale);
  return 1 + index.shards.length;
}

/** Removes a pack's claims and index. */
export async function deletePackClaims(db: CounterpointDB, packId: string): Promise<void> {
  await db.claims.where('packId').equals(packId).delete();
  await db.claimIndex.where('packId').equals(packId).delete();
}

export async function readHead(db: CounterpointDB, packId: string): Promise<IndexHeadRow | undefined> {
  const row = await db.claimIndex.get(headKey(packId));
  return row?.kind === 'head' ? row : undefined;
}

async function readShards(db: CounterpointDB, head: IndexHeadRow): Promise<IndexShardRow[]> {
  const keys = Array.from({ length: head.shards }, (_, s) => `${head.packId}#${s}`);
  const rows = await db.claimIndex.bulkGet(keys);
  return rows.map((row, s) => {
    if (row?.kind !== 'shard') throw new Error(`claim index of ${head.packId}: shard ${s} is missing`);
    return row;
  });
}

async function fullWrite(
  db: CounterpointDB,
  packId: string,
  claims: readonly Claim[],
  relations: readonly Relation[],
  previous: IndexHeadRow | undefined,
): Promise<ClaimWriteStats> {
  let blocksDeleted = 0;
  if (previous !== undefined) {
    blocksDeleted = await db.claims.where('packId').equals(packId).count();
    await db.claims.where('packId').equals(packId).delete();
  }
  const groups = chunk(claims, BLOCK_SIZE);
  await writeBlocks(db, packId, groups, 0);
  const inputs: IndexInput[] = claims.map((claim, order) => ({ claim, order, block: Math.floor(order / BLOCK_SIZE) }));
  const index = buildPackIndex(packId, inputs, relations, {
    nextBlock: groups.length,
    blockSizes: Uint32Array.from(groups, (g) => g.length),
  });
  const indexRows = await writeIndex(db, packId, index, previous?.shards ?? 0);
  return { blocksWritten: groups.length, blocksDeleted, claimsWritten: claims.length, indexRows, full: true };
}

/**
 * Stores a pack's claims (in pack order) and index, replacing the installed
 * version's: claims whose content is unchanged stay in the blocks they are in.
 */
export async function writePackClaims(
  db: CounterpointDB,
  packId: string,
  claims: readonly Claim[],
  relations: readonly Relation[],
): Promise<ClaimWriteStats> {
  const previous = await readHead(db, packId);
  if (previous === undefined) return fullWrite(db, packId, claims, relations, undefined);

  const kept = new Map<string, { hash: number; block: number }>();
  const referencedBefore = new Set<number>();
  for (const shard of await readShards(db, previous)) {
    shard.ids.split('\n').forEach((id, i) => {
      const block = shard.block[i] as number;
      kept.set(id, { hash: shard.hash[i] as number, block });
      referencedBefore.add(block);
    });
  }
  const inputs: IndexInput[] = [];
  const fresh: IndexInput[] = [];
  claims.forEach((claim, order) => {
    const hash = claimHash(claim);
    const before = kept.get(claim.id);
    const input: IndexInput = { claim, order, block: before?.hash === hash ? before.block : -1, hash };
    inputs.push(input);
    if (input.block < 0) fresh.push(input);
  });
  const groups = chunk(fresh, BLOCK_SIZE);
  groups.forEach((g, j) => {
    for (const input of g) input.block = previous.nextBlock + j;
  });
  const referenced = new Set(inputs.map((x) => x.block));
  const dead = [...referencedBefore].filter((b) => !referenced.has(b));
  const blockSizes = new Uint32Array(previous.nextBlock + groups.length);
  blockSizes.set(previous.blockSizes.subarray(0, previous.nextBlock));
  for (const b of dead) blockSizes[b] = 0;
  groups.forEach((g, j) => {
    blockSizes[previous.nextBlock + j] = g.length;
  });
  // Blocks keep the old copies of changed claims until every claim of theirs changed: past twice
  // the claims, the pack is written afresh.
  const slots = blockSizes.reduce((a, b) => a + b, 0);
  if (slots > 2 * claims.length + BLOCK_SIZE) return fullWrite(db, packId, claims, relations, previous);

  await writeBlocks(
    db,
    packId,
    groups.map((g) => g.map((x) => x.claim)),
    previous.nextBlock,
  );
  if (dead.length > 0) await db.claims.bulkDelete(dead.map((b) => blockKey(packId, b)));
  const index = buildPackIndex(packId, inputs, relations, {
    nextBlock: previous.nextBlock + groups.length,
    blockSizes,
  });
  const indexRows = await writeIndex(db, packId, index, previous.shards);
  return {
    blocksWritten: groups.length,
    blocksDeleted: dead.length,
    claimsWritten: fresh.length,
    indexRows,
    full: false,
  };
}

/** Parsed blocks, by block number. */
export type BlockCache = Map<number, ReadonlyMap<string, Claim>>;

function parseBlock(row: ClaimBlockRow): ReadonlyMap<string, Claim> {
  const claims = JSON.parse(row.claims) as Claim[];
  return new Map(claims.map((c) => [c.id, c]));
}

/** The claims of `wanted` (block, id) of one pack, from `cache` or read. */
export async function readFromBlocks(
  db: CounterpointDB,
  packId: string,
  wanted: readonly { block: number; id: string }[],
  cache: BlockCache = new Map(),
): Promise<(Claim | undefined)[]> {
  const missing = [...new Set(wanted.map((w) => w.block).filter((b) => !cache.has(b)))];
  if (missing.length > 0) {
    const rows = await db.claims.bulkGet(missing.map((b) => blockKey(packId, b)));
    rows.forEach((row, i) => {
      if (row !== undefined) cache.set(missing[i] as number, parseBlock(row));
    });
  }
  return wanted.map((w) => cache.get(w.block)?.get(w.id));
}

/** Every claim of a pack, in pack order (as published), or undefined when it has no index. */
export async function readPackClaims(db: CounterpointDB, packId: string): Promise<Claim[] | undefined> {
  const head = await readHead(db, packId);
  if (head === undefined) return undefined;
  const shards = await readShards(db, head);
  const blocks: BlockCache = new Map();
  for (const row of await db.claims.where('packId').equals(packId).toArray()) blocks.set(row.block, parseBlock(row));
  const out = new Array<Claim>(head.n);
  for (const shard of shards) {
    shard.ids.split('\n').forEach((id, i) => {
      const claim = blocks.get(shard.block[i] as number)?.get(id);
      if (claim === undefined) throw new Error(`claims of ${packId}: ${id} is missing from its block`);
      out[shard.order[i] as number] = claim;
    });
  }
  return out;
}

/** Every installed claim, with its pack, pack by pack in pack order. */
export async function readAllClaims(db: CounterpointDB): Promise<(Claim & { packId: string })[]> {
  const ids = await db.packs.toCollection().primaryKeys();
  const out: (Claim & { packId: string })[] = [];
  for (const packId of ids.sort(compareKeys)) {
    for (const c of (await readPackClaims(db, packId)) ?? []) out.push({ ...c, packId });
  }
  return out;
}

/** Where a claim of a loaded index is: its shard's position, its block. */
function findInShards(head: IndexHeadRow, id: string): number {
  // The last shard whose first id is ≤ id.
  let lo = 0;
  let hi = head.firstIds.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(head.firstIds[mid] as string, id) <= 0) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** The installed claims of `keys` (`${packId}/${id}`), in that order; undefined where none is. */
export async function readClaimsByKeys(
  db: CounterpointDB,
  keys: readonly string[],
): Promise<((Claim & { packId: string; key: string }) | undefined)[]> {
  const out: ((Claim & { packId: string; key: string }) | undefined)[] = keys.map(() => undefined);
  const byPack = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const slash = key.indexOf('/');
    if (slash <= 0) return;
    const packId = key.slice(0, slash);
    byPack.set(packId, [...(byPack.get(packId) ?? []), i]);
  });
  for (const [packId, positions] of byPack) {
    const head = await readHead(db, packId);
    if (head === undefined) continue;
    const wanted: { block: number; id: string; at: number }[] = [];
    const shardRows = new Map<number, { ids: string[]; row: IndexShardRow }>();
    for (const at of positions) {
      const id = (keys[at] as string).slice(packId.length + 1);
      const s = findInShards(head, id);
      if (s < 0) continue;
      let shard = shardRows.get(s);
      if (shard === undefined) {
        const row = await db.claimIndex.get(`${packId}#${s}`);
        if (row?.kind !== 'shard') continue;
        shard = { ids: row.ids.split('\n'), row };
        shardRows.set(s, shard);
      }
      const i = shard.ids.indexOf(id);
      if (i >= 0) wanted.push({ block: shard.row.block[i] as number, id, at });
    }
    const claims = await readFromBlocks(db, packId, wanted);
    wanted.forEach((w, i) => {
      const c = claims[i];
      if (c !== undefined) out[w.at] = { ...c, packId, key: keys[w.at] as string };
    });
  }
  return out;
}

/** The claims of one pack's incident, in key order. */
export async function readIncidentClaims(db: CounterpointDB, packId: string, incident: string): Promise<Claim[]> {
  const head = await readHead(db, packId);
  if (head === undefined) return [];
  const wanted: { block: number; id: string }[] = [];
  for (const shard of await readShards(db, head)) {
    const code = shard.incident.dict.indexOf(incident) + 1;
    if (code === 0) continue;
    const ids = shard.ids.split('\n');
    shard.incident.codes.forEach((c, i) => {
      if (c === code) wanted.push({ block: shard.block[i] as number, id: ids[i] as string });
    });
  }
  return (await readFromBlocks(db, packId, wanted)).filter((c): c is Claim => c !== undefined);
}

/** How many claims are installed (every pack, switched off or not). */
export async function countClaims(db: CounterpointDB): Promise<number> {
  const packs = await db.packs.toArray();
  return packs.reduce((n, p) => n + p.counts.claims, 0);
}
