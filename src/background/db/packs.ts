/**
 * Installing, updating, exporting and removing claim packs, and importing the
 * MISP threat-actor galaxy. Every write is one transaction: a pack is either
 * installed whole or not at all, and a failed update leaves the installed
 * version as it was.
 */
import { actorsFromMispGalaxy } from '@core/actors/misp';
import { type ClaimPack, PackError, parsePack } from '@core/pack/schema';
import { MISP_SOURCE, packSource, replaceContributions } from './actors';
import { type ClaimWriteStats, deletePackClaims, readPackClaims, writePackClaims } from './claim-store';
import type { CounterpointDB, PackRow, PackSource, RelationRow } from './database';
import { incidentRowOf, packOfRows, packRowOf, relationRowOf } from './rows';

export interface ImportOptions {
  /** Install even when the same or a newer version is installed (to repair or roll back). */
  force?: boolean;
}

export interface ImportResult {
  pack: PackRow;
  /** The version this import replaced, or null for a first install. */
  previousVersion: number | null;
  /** What the import wrote: an update writes only the claims that changed. */
  written: ImportWrites;
}

export interface ImportWrites extends ClaimWriteStats {
  incidentsWritten: number;
  relationsWritten: number;
}

/**
 * Validates `json` as a claim pack (a PackError naming the first bad field
 * is thrown as parsePack throws it) and installs it, replacing any installed
 * version of the same pack: its claims, incidents and relations are
 * replaced, its actors merged into the `actors` table. Replacing writes only
 * what differs: claims, incidents and relations that are unchanged are left
 * where they are. A version that is not newer than the installed one is
 * refused unless `force` is set.
 */
export async function importPack(
  db: CounterpointDB,
  json: unknown,
  source: PackSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const pack = parsePack(json);
  return db.transaction(
    'rw',
    [db.packs, db.claims, db.claimIndex, db.incidents, db.relations, db.actors],
    async (): Promise<ImportResult> => {
      const previous = await db.packs.get(pack.id);
      if (previous && pack.version <= previous.version && options.force !== true) {
        throw new PackError(
          `pack ${pack.id} version ${pack.version} is not newer than installed version ${previous.version}`,
        );
      }
      await replaceContributions(db, packSource(pack.id), pack.actors, previous?.actors.map((a) => a.id) ?? []);
      const claims = await writePackClaims(db, pack.id, pack.claims, pack.relations);
      const incidentsWritten = await replaceIncidents(db, pack.id, pack.incidents);
      const relationsWritten = await replaceRelations(db, pack.id, pack.relations);
      const row = packRowOf(pack, source, new Date().toISOString());
      await db.packs.put(row);
      return {
        pack: row,
        previousVersion: previous?.version ?? null,
        written: { ...claims, incidentsWritten, relationsWritten },
      };
    },
  );
}

/** Puts the incidents that differ from the installed ones and deletes those gone; returns the rows written. */
async function replaceIncidents(
  db: CounterpointDB,
  packId: string,
  incidents: ClaimPack['incidents'],
): Promise<number> {
  const before = new Map(
    (await db.incidents.where('packId').equals(packId).toArray()).map((r) => [r.key, JSON.stringify(r)]),
  );
  const rows = incidents.map((inc, i) => incidentRowOf(packId, inc, i));
  const changed = rows.filter((r) => before.get(r.key) !== JSON.stringify(r));
  const keys = new Set(rows.map((r) => r.key));
  const gone = [...before.keys()].filter((k) => !keys.has(k));
  await db.incidents.bulkPut(changed);
  await db.incidents.bulkDelete(gone);
  return changed.length + gone.length;
}

function sameRelation(a: RelationRow, b: RelationRow): boolean {
  return a.from === b.from && a.to === b.to && a.type === b.type && a.note === b.note && a.order === b.order;
}

/** Keeps the relation rows that are unchanged (same place, same content), replaces the others; returns the rows written. */
async function replaceRelations(
  db: CounterpointDB,
  packId: string,
  relations: ClaimPack['relations'],
): Promise<number> {
  const before = new Map<number, RelationRow>();
  for (const r of await db.relations.where('packId').equals(packId).toArray()) before.set(r.order, r);
  const rows = relations.map((r, i) => relationRowOf(packId, r, i));
  const kept = new Set<number>();
  const added = rows.filter((r) => {
    const old = before.get(r.order);
    if (old !== undefined && sameRelation(old, r)) kept.add(r.order);
    return !kept.has(r.order);
  });
  const gone = [...before.values()]
    .filter((r) => !kept.has(r.order))
    .flatMap((r) => (r.key === undefined ? [] : [r.key]));
  await db.relations.bulkDelete(gone);
  await db.relations.bulkAdd(added);
  return added.length + gone.length;
}

async function deleteContent(db: CounterpointDB, packId: string): Promise<void> {
  await deletePackClaims(db, packId);
  await db.incidents.where('packId').equals(packId).delete();
  await db.relations.where('packId').equals(packId).delete();
}

/** The installed pack as it was imported (deep-equal to parsePack's output), or undefined when not installed. */
export async function exportPack(db: CounterpointDB, packId: string): Promise<ClaimPack | undefined> {
  return db.transaction('r', [db.packs, db.claims, db.claimIndex, db.incidents, db.relations], async () => {
    const row = await db.packs.get(packId);
    if (!row) return undefined;
    const [claims, incidents, relations] = await Promise.all([
      readPackClaims(db, packId),
      db.incidents.where('packId').equals(packId).toArray(),
      db.relations.where('packId').equals(packId).toArray(),
    ]);
    return packOfRows(row, claims ?? [], incidents, relations);
  });
}

export const EXPORT_FORMAT = 'counterpoint-export';

export interface CounterpointExport {
  format: typeof EXPORT_FORMAT;
  /** ISO timestamp. */
  exportedAt: string;
  packs: ClaimPack[];
}

/** Every installed pack, by pack id, as imported. */
export async function exportAll(db: CounterpointDB): Promise<CounterpointExport> {
  return db.transaction('r', [db.packs, db.claims, db.claimIndex, db.incidents, db.relations], async () => {
    const ids = await db.packs.toCollection().primaryKeys();
    const packs: ClaimPack[] = [];
    for (const id of ids) {
      const pack = await exportPack(db, id);
      if (pack) packs.push(pack);
    }
    return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), packs };
  });
}

/** Uninstalls a pack: its row, claims, incidents, relations and its part of the actors. False when not installed. */
export async function removePack(db: CounterpointDB, packId: string): Promise<boolean> {
  return db.transaction('rw', [db.packs, db.claims, db.claimIndex, db.incidents, db.relations, db.actors], async () => {
    const previous = await db.packs.get(packId);
    if (!previous) return false;
    await deleteContent(db, packId);
    await replaceContributions(
      db,
      packSource(packId),
      [],
      previous.actors.map((a) => a.id),
    );
    await db.packs.delete(packId);
    return true;
  });
}

export interface MispImportResult {
  /** Group records read from the galaxy. */
  groups: number;
  /** Actor rows created, updated (merged with a pack's actor or an earlier galaxy) and removed (gone from the galaxy). */
  added: number;
  updated: number;
  removed: number;
}

/**
 * Imports the MISP threat-actor galaxy (clusters/threat-actor.json) as group
 * actors, merged by id with the actors packs define: a pack's actor keeps its
 * names and gains the galaxy's synonyms as aliases. Replaces any earlier
 * galaxy import. Malformed input throws (naming the bad field) before anything
 * is written.
 */
export async function importMispGalaxy(db: CounterpointDB, json: unknown): Promise<MispImportResult> {
  const records = actorsFromMispGalaxy(json);
  return db.transaction('rw', [db.actors], async () => {
    const previousIds = await db.actors
      .filter((row) => row.contributions.some((c) => c.from === MISP_SOURCE))
      .primaryKeys();
    const result = await replaceContributions(db, MISP_SOURCE, records, previousIds);
    return { groups: records.length, added: result.added, updated: result.updated, removed: result.removed };
  });
}
