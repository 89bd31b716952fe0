/**
 * Conversions between a claim pack's entries and database rows. A row is the
 * entry plus its keys; stripping the keys gives the entry back as imported,
 * with its properties in the same order.
 */
import type { Claim, ClaimPack, Incident, Relation } from '@core/pack/schema';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '@core/pack/schema';
import type { ClaimRow, IncidentRow, PackRow, PackSource, RelationRow } from './database';
import { claimActorKeys, claimTerms, type SponsorOf } from './terms';

/** The primary key of a claim (and of an incident): ids are unique within a pack only. */
export function claimKey(packId: string, id: string): string {
  return `${packId}/${id}`;
}

/** The id part of a claim key of pack `packId`. */
function idOfKey(packId: string, key: string): string {
  return key.slice(packId.length + 1);
}

/** A claim row as releases 2 and 3 stored it (v4 keeps claims in blocks): for the migrations. */
export function claimRowOf(packId: string, claim: Claim, order: number, sponsorOf: SponsorOf): ClaimRow {
  return {
    ...claim,
    key: claimKey(packId, claim.id),
    packId,
    order,
    actorKeys: claimActorKeys(claim, sponsorOf),
    terms: claimTerms(claim),
  };
}

export function claimOfRow(row: ClaimRow): Claim {
  const { key: _key, packId: _packId, order: _order, actorKeys: _actorKeys, terms: _terms, ...claim } = row;
  return claim;
}

export function incidentRowOf(packId: string, incident: Incident, order: number): IncidentRow {
  return { ...incident, key: claimKey(packId, incident.id), packId, order };
}

export function incidentOfRow(row: IncidentRow): Incident {
  const { key: _key, packId: _packId, order: _order, ...incident } = row;
  return incident;
}

export function relationRowOf(packId: string, relation: Relation, order: number): RelationRow {
  const row: RelationRow = {
    packId,
    from: claimKey(packId, relation.from),
    to: claimKey(packId, relation.to),
    type: relation.type,
    order,
  };
  if (relation.note !== undefined) row.note = relation.note;
  return row;
}

export function relationOfRow(row: RelationRow): Relation {
  const relation: Relation = { from: idOfKey(row.packId, row.from), to: idOfKey(row.packId, row.to), type: row.type };
  if (row.note !== undefined) relation.note = row.note;
  return relation;
}

export function packRowOf(pack: ClaimPack, source: PackSource, installedAt: string): PackRow {
  const row: PackRow = {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    license: pack.license,
    publishedAt: pack.publishedAt,
    installedAt,
    source: { ...source },
    counts: {
      actors: pack.actors.length,
      incidents: pack.incidents.length,
      claims: pack.claims.length,
      relations: pack.relations.length,
    },
    actors: pack.actors,
  };
  if (pack.description !== undefined) row.description = pack.description;
  if (pack.homepage !== undefined) row.homepage = pack.homepage;
  if (pack.updateIntervalHours !== undefined) row.updateIntervalHours = pack.updateIntervalHours;
  return row;
}

/** The pack as published, with its properties in the schema's order (that of parsePack's output); claims in pack order. */
export function packOfRows(
  row: PackRow,
  claims: readonly Claim[],
  incidents: readonly IncidentRow[],
  relations: readonly RelationRow[],
): ClaimPack {
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: row.id,
    version: row.version,
    title: row.title,
    ...(row.description !== undefined ? { description: row.description } : {}),
    license: row.license,
    publishedAt: row.publishedAt,
    ...(row.homepage !== undefined ? { homepage: row.homepage } : {}),
    ...(row.updateIntervalHours !== undefined ? { updateIntervalHours: row.updateIntervalHours } : {}),
    actors: row.actors,
    incidents: [...incidents].sort(byOrder).map(incidentOfRow),
    claims: [...claims],
    relations: [...relations].sort(byOrder).map(relationOfRow),
  };
}
