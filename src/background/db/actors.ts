/**
 * The `actors` table: one merged row per actor id, built from the version of
 * each source that defines it (packs, the MISP galaxy). Keeping every
 * source's version lets a source be replaced or removed without disturbing
 * what the others said. These functions run inside the caller's transaction.
 */
import { BUILTIN_ACTORS, foldForm, surfaceForms } from '@core/actors';
import type { ActorRecord } from '@core/actors/types';
import type { Claim } from '@core/pack/schema';
import type { ActorContribution, ActorRow, CounterpointDB } from './database';
import { claimActorKeys, type SponsorOf } from './terms';

/** The contribution name of the MISP galaxy. */
export const MISP_SOURCE = 'misp-galaxy';

export function packSource(packId: string): string {
  return `pack:${packId}`;
}

/** Packs are curated for this extension: their version of an actor is the base, MISP only adds forms. */
function rank(c: ActorContribution): number {
  return c.from.startsWith('pack:') ? 0 : 1;
}

/**
 * One row from the contributions: the first (by rank, then arrival) gives id,
 * kind, names, demonyms, state and source; the others add their id, names
 * and aliases as aliases when new, and a state when the base has none.
 */
export function mergeContributions(contributions: readonly ActorContribution[]): ActorRow | undefined {
  const sorted = [...contributions].sort((a, b) => rank(a) - rank(b));
  const [first, ...rest] = sorted;
  if (!first) return undefined;
  const base = first.record;
  const merged: ActorRecord = {
    id: base.id,
    kind: base.kind,
    names: { en: [...base.names.en], fr: [...base.names.fr] },
  };
  if (base.demonyms) merged.demonyms = { en: [...base.demonyms.en], fr: [...base.demonyms.fr] };
  const aliases = [...(base.aliases ?? [])];
  let state = base.state;

  const known = new Set([foldForm(base.id), ...surfaceForms(base).map(foldForm)]);
  for (const { record } of rest) {
    for (const form of [record.id, ...record.names.en, ...record.names.fr, ...(record.aliases ?? [])]) {
      const key = foldForm(form);
      if (key === '' || known.has(key)) continue;
      known.add(key);
      aliases.push(form.trim());
    }
    state ??= record.state;
  }
  if (aliases.length > 0) merged.aliases = aliases;
  if (state !== undefined) merged.state = state;
  merged.source = base.source ?? first.from;
  return { ...merged, forms: [...new Set(surfaceForms(merged).map(foldForm))], contributions: sorted };
}

let builtinById: ReadonlyMap<string, ActorRecord> | undefined;
let builtinByFold: ReadonlyMap<string, ActorRecord> | undefined;

/** The builtin actor of that id, exactly or folded ("apt31" is APT31 too). */
function builtin(id: string): ActorRecord | undefined {
  builtinById ??= new Map(BUILTIN_ACTORS.map((a) => [a.id, a]));
  const exact = builtinById.get(id);
  if (exact !== undefined) return exact;
  if (builtinByFold === undefined) {
    const byFold = new Map<string, ActorRecord>();
    for (const a of BUILTIN_ACTORS) if (!byFold.has(foldForm(a.id))) byFold.set(foldForm(a.id), a);
    builtinByFold = byFold;
  }
  return builtinByFold.get(foldForm(id));
}

/** Whether `id` is a builtin actor: packs may add names to it, never change what it is or who sponsors it. */
export function isBuiltinActor(id: string): boolean {
  return builtin(id) !== undefined;
}

/**
 * Group sponsors as the database knows them. A builtin actor keeps its own
 * kind and sponsor whatever a pack says (a pack declaring APT31 with state
 * "US" adds its names, nothing else); a row of the `actors` table gives the
 * sponsor of the groups packs or the MISP galaxy add.
 */
export function sponsorFrom(rows: ReadonlyMap<string, ActorRecord>): SponsorOf {
  return (id) => {
    const known = builtin(id);
    if (known !== undefined) return known.kind === 'group' ? known.state : undefined;
    const row = rows.get(id);
    return row?.kind === 'group' ? row.state : undefined;
  };
}

/** Sponsors of the given actor ids, read from the `actors` table. */
export async function loadSponsors(db: CounterpointDB, ids: Iterable<string>): Promise<SponsorOf> {
  const unique = [...new Set(ids)];
  const rows = await db.actors.bulkGet(unique);
  const map = new Map<string, ActorRow>();
  for (const row of rows) if (row) map.set(row.id, row);
  return sponsorFrom(map);
}

export interface ContributionResult {
  /** Rows created. */
  added: number;
  /** Existing rows whose contributions changed. */
  updated: number;
  /** Rows deleted because no source defines them any more. */
  removed: number;
  /** Actor ids whose sponsor state changed. */
  sponsorChanged: string[];
}

/**
 * Replaces source `from`'s version of the actors: `records` become its
 * contributions, and its contributions to `previousIds` not in `records` are
 * withdrawn (rows left with none are deleted).
 */
export async function replaceContributions(
  db: CounterpointDB,
  from: string,
  records: readonly ActorRecord[],
  previousIds: readonly string[],
): Promise<ContributionResult> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const ids = [...new Set([...byId.keys(), ...previousIds])];
  const existing = await db.actors.bulkGet(ids);
  const before = new Map<string, ActorRow>();
  const after = new Map<string, ActorRow>();
  const puts: ActorRow[] = [];
  const deletes: string[] = [];
  const result: ContributionResult = { added: 0, updated: 0, removed: 0, sponsorChanged: [] };

  ids.forEach((id, i) => {
    const old = existing[i];
    if (old) before.set(id, old);
    const record = byId.get(id);
    // Keep the source's place among the others, so that re-importing a pack does not change which version is the base.
    let contributions = (old?.contributions ?? []).flatMap((c) =>
      c.from !== from ? [c] : record ? [{ from, record }] : [],
    );
    if (record && !contributions.some((c) => c.from === from)) contributions = [...contributions, { from, record }];
    const row = mergeContributions(contributions);
    if (row) {
      after.set(id, row);
      puts.push(row);
      if (old) result.updated++;
      else result.added++;
    } else if (old) {
      deletes.push(id);
      result.removed++;
    }
  });

  const sponsorBefore = sponsorFrom(before);
  const sponsorAfter = sponsorFrom(after);
  result.sponsorChanged = ids.filter((id) => sponsorBefore(id) !== sponsorAfter(id));
  // Rows the change leaves as they were are not written again (re-importing a pack rewrites none).
  await db.actors.bulkPut(puts.filter((row) => JSON.stringify(row) !== JSON.stringify(before.get(row.id))));
  await db.actors.bulkDelete(deletes);
  return result;
}

/** A claim's actor keys (its actors, and the sponsor state of each group among them), as the database knows sponsors now. */
export async function actorKeysOf(
  db: CounterpointDB,
  claim: Pick<Claim, 'accused' | 'accuser' | 'speakerActor'>,
): Promise<string[]> {
  const ids = [...claim.accused, claim.speakerActor, ...(claim.accuser === null ? [] : [claim.accuser])];
  return claimActorKeys(claim, await loadSponsors(db, ids));
}
