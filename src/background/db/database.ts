/**
 * The extension's IndexedDB database: installed claim packs, the actors they
 * and the MISP galaxy define, and (later) the user's annotations and saved
 * searches. One Dexie class; every schema change is a new `version(n)` with an
 * upgrade that carries existing rows over, so no install ever loses data.
 */
import type { ActorRecord } from '@core/actors/types';
import type { SavedClaim } from '@core/annotation/record';
import type { Claim, Incident, PackActor, RelationType } from '@core/pack/schema';
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { sponsorFrom } from './actors';
import type { IndexRow } from './claim-index';
import { type ClaimBlockRow, writePackClaims } from './claim-store';
import { claimOfRow, claimRowOf, relationOfRow } from './rows';

/** A claim as releases 2 and 3 stored it: one row per claim, with the keys it was indexed under (v4 stores blocks). */
export interface ClaimRow extends Claim {
  /** `${packId}/${claim id}`: claim ids are unique within a pack only. */
  key: string;
  packId: string;
  /** Position in the pack's `claims` array, so that export gives the pack back as imported. */
  order: number;
  /** Accused, accuser, speaker, and the sponsor state of each group among them (see claimActorKeys). */
  actorKeys: string[];
  /** Folded words of text, speaker and targets (see claimTerms). */
  terms: string[];
}

export interface IncidentRow extends Incident {
  /** `${packId}/${incident id}`: incident ids are unique within a pack only. */
  key: string;
  packId: string;
  order: number;
}

export interface RelationRow {
  /** Auto-incremented; absent until the row is added. */
  key?: number;
  packId: string;
  /** Claim keys (`${packId}/${claim id}`), not bare claim ids. */
  from: string;
  to: string;
  type: RelationType;
  note?: string;
  order: number;
}

export type PackSourceKind = 'builtin' | 'url' | 'file';

/** Where an installed pack came from, so that it can be updated from there. */
export interface PackSource {
  kind: PackSourceKind;
  url?: string;
}

export interface PackCounts {
  actors: number;
  incidents: number;
  claims: number;
  relations: number;
}

/** An installed pack: its header, as published, plus installation facts. */
export interface PackRow {
  id: string;
  version: number;
  title: string;
  description?: string;
  license: string;
  publishedAt: string;
  homepage?: string;
  /** How often subscribers should check, as the pack asks (hours). */
  updateIntervalHours?: number;
  /** ISO timestamp of the last import. */
  installedAt: string;
  source: PackSource;
  counts: PackCounts;
  /** The pack's actor entries as published (the merged view is the `actors` table). */
  actors: PackActor[];
}

/** One source's version of an actor: a pack (`pack:<id>`) or the MISP galaxy (`misp-galaxy`). */
export interface ActorContribution {
  from: string;
  record: ActorRecord;
}

/**
 * An actor as the matcher consumes it (an ActorRecord), merged from every
 * source that defines it, packs first, so that removing a source can undo its
 * part exactly.
 */
export interface ActorRow extends ActorRecord {
  /** Every surface form, folded with foldForm: the `*forms` index, for lookups by name or alias. */
  forms: string[];
  contributions: ActorContribution[];
}

/** Release 2 reserved these two tables for annotations; nothing ever wrote to them (dropped in v3). */
export interface ReservedRowV2 {
  id?: number;
  createdAt: string;
}

/** A saved or annotated claim (see SavedClaimSchema), with the key of its page. */
export interface SavedClaimRow extends SavedClaim {
  /** The page's address without its fragment: the claims of a page are looked up by it. */
  page: string;
}

/** A claim row as release 1 stored it: the pack's claim plus its pack id, keyed by claim id alone. */
export interface ClaimRowV1 extends Claim {
  packId: string;
}

/** A pack row as release 1 stored it. */
export interface PackRowV1 {
  id: string;
  version: number;
  title: string;
  license: string;
  publishedAt: string;
  installedAt?: string;
  description?: string;
  homepage?: string;
}

export const SCHEMA_V1 = {
  claims: 'id, packId, date, stance, speakerActor, *accused',
  packs: 'id',
} as const;

export const SCHEMA_V2 = {
  claims: 'key, packId, id, date, stance, speakerActor, accuser, incident, *accused, *actorKeys, *terms',
  actors: 'id, kind, state, *forms',
  incidents: 'key, packId, id, startDate',
  relations: '++key, packId, from, to, type',
  packs: 'id',
  annotations: '++id, url, createdAt',
  saved: '++id, createdAt, *terms',
} as const;

/** v3: saved and annotated claims replace the two reserved tables. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  annotations: null,
  saved: null,
  savedClaims: 'id, page, created, modified, site, verdict, *tags',
} as const;

/**
 * v4: claims in blocks (one row per BLOCK_SIZE claims, as JSON) and a compact
 * index per pack (`claimIndex`), instead of one row per claim under seven
 * indexes, two of them multi-entry: a 100,000-claim pack was 100,000 rows and
 * about two million index entries to write.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  claims: 'key, packId',
  claimIndex: 'key, packId',
} as const;

/** Holds v1 claims while `claims` is recreated: IndexedDB cannot change a store's primary key in place. */
const MIGRATION_TABLE = 'claimsMigrating';

export class CounterpointDB extends Dexie {
  /** Blocks of claims (see claim-store.ts). */
  declare claims: EntityTable<ClaimBlockRow, 'key'>;
  declare claimIndex: EntityTable<IndexRow, 'key'>;
  declare actors: EntityTable<ActorRow, 'id'>;
  declare incidents: EntityTable<IncidentRow, 'key'>;
  declare relations: EntityTable<RelationRow, 'key'>;
  declare packs: EntityTable<PackRow, 'id'>;
  declare savedClaims: EntityTable<SavedClaimRow, 'id'>;

  constructor(name = 'counterpoint') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 keys claims by `${packId}/${id}`. A primary key cannot change
    // in place, so 1.5 moves v1 claims, already in v2 shape, to a holding
    // table and drops `claims`; 2 recreates it and moves them back.
    this.version(1.5)
      .stores({ claims: null, [MIGRATION_TABLE]: 'key' })
      .upgrade(claimsToV2);
    this.version(2)
      .stores({ ...SCHEMA_V2, [MIGRATION_TABLE]: null })
      .upgrade(async (tx) => {
        const rows = await tx.table<ClaimRow, string>(MIGRATION_TABLE).toArray();
        await tx.table<ClaimRow, string>('claims').bulkAdd(rows);
      });
    // The reserved tables held nothing (no release wrote to them): dropped, not migrated.
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(claimsToBlocks);
  }
}

/** v3 → v4: each pack's claim rows become blocks and an index, in pack order. */
async function claimsToBlocks(tx: Transaction): Promise<void> {
  const rows = await tx.table<ClaimRow, string>('claims').toArray();
  const relations = await tx.table<RelationRow, number>('relations').toArray();
  await tx.table('claims').clear();
  const packs = new Map<string, ClaimRow[]>();
  for (const row of rows) packs.set(row.packId, [...(packs.get(row.packId) ?? []), row]);
  for (const [packId, claims] of packs) {
    claims.sort((a, b) => a.order - b.order);
    const own = relations
      .filter((r) => r.packId === packId)
      .sort((a, b) => a.order - b.order)
      .map(relationOfRow);
    await writePackClaims(tx.db as CounterpointDB, packId, claims.map(claimOfRow), own);
  }
}

async function claimsToV2(tx: Transaction): Promise<void> {
  const v1 = await tx.table<ClaimRowV1, string>('claims').toArray();
  // No actors table before v2: group sponsors come from the builtin actors.
  const sponsorOf = sponsorFrom(new Map());
  const perPack = new Map<string, number>();
  const rows = v1.map((row) => {
    const { packId, ...claim } = row;
    const order = perPack.get(packId) ?? 0;
    perPack.set(packId, order + 1);
    return claimRowOf(packId, claim, order, sponsorOf);
  });
  await tx.table<ClaimRow, string>(MIGRATION_TABLE).bulkAdd(rows);
  await tx
    .table<PackRowV1 | PackRow, string>('packs')
    .toCollection()
    .modify((row, ref) => {
      ref.value = packRowFromV1(row as PackRowV1, perPack.get(row.id) ?? 0);
    });
}

function packRowFromV1(row: PackRowV1, claims: number): PackRow {
  const out: PackRow = {
    id: row.id,
    version: row.version,
    title: row.title,
    license: row.license,
    publishedAt: row.publishedAt,
    installedAt: row.installedAt ?? row.publishedAt,
    // Release 1 only installed the bundled pack.
    source: { kind: 'builtin' },
    counts: { actors: 0, incidents: 0, claims, relations: 0 },
    actors: [],
  };
  if (row.description !== undefined) out.description = row.description;
  if (row.homepage !== undefined) out.homepage = row.homepage;
  return out;
}
