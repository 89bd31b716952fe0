/**
 * A claim pack kept as a folder of small files, one per incident or per
 * claim, so that a change is a readable diff in a pull request: `pack build`
 * assembles and stamps them (src/cli/pack.ts), `pack split` turns a pack back
 * into such a folder. Pure: the CLI reads and writes the files.
 *
 * Layout:
 *   pack.json                 the header: id, title, license, description?, homepage?,
 *                             updateIntervalHours?, version?
 *   any other *.json          parts: an object with any of `actor`, `incident`, `claim`, `relation`
 *                             (one entry) and `actors`, `incidents`, `claims`, `relations` (lists)
 * `pack split` writes incidents/<id>.json (the incident, its claims and the
 * relations from them), claims/<id>.json (a claim in no incident) and
 * actors.json.
 */
import * as v from 'valibot';
import {
  type ClaimPack,
  MAX_PACK_VERSION,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PackError,
  parsePack,
  type Relation,
} from './schema';

export const HEADER_FILE = 'pack.json';

const SECTIONS = ['actors', 'incidents', 'claims', 'relations'] as const;
type Section = (typeof SECTIONS)[number];
const SINGULAR: Record<Section, string> = {
  actors: 'actor',
  incidents: 'incident',
  claims: 'claim',
  relations: 'relation',
};

/** The header fields a folder's pack.json may hold; the rest is stamped by the build. */
const HEADER_KEYS = ['id', 'title', 'description', 'license', 'homepage', 'updateIntervalHours', 'version'] as const;

export interface PartFile {
  /** Path relative to the folder, with '/' separators (shown in errors). */
  path: string;
  json: unknown;
}

export interface Stamp {
  /** The version to stamp when the header has none. */
  version: number;
  /** publishedAt. */
  publishedAt: string;
}

/** An ISO 8601 date-time in UTC to the second: the publishedAt a build stamps. */
export function isoNow(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/**
 * The version a build stamps by default: the UTC minute as YYYYMMDDhhmm
 * (202612060304), a safe integer that grows with every later build, so that a
 * rebuilt pack is always an update without anyone keeping a counter.
 */
export function versionOf(now: Date): number {
  return Number(now.toISOString().slice(0, 16).replace(/\D/g, ''));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Where each entry of the assembled pack came from: `file#claims[2]`. */
type Origins = Record<Section, string[]>;

/**
 * The pack the folder describes: header and parts assembled (parts in the
 * order given: the CLI sorts them by path), stamped, and validated. Every
 * problem is reported by file: `incidents/sony.json: claims[1].date: expected
 * ISO date`. Throws a PackError listing them all.
 */
export function assemblePack(header: unknown, parts: readonly PartFile[], stamp: Stamp): ClaimPack {
  const issues: string[] = [];
  const pack: Record<string, unknown> = {};
  if (!isObject(header)) {
    issues.push(`${HEADER_FILE}: expected an object`);
  } else {
    for (const key of Object.keys(header)) {
      if (key === 'publishedAt') issues.push(`${HEADER_FILE}: publishedAt is stamped by the build, leave it out`);
      else if (!(HEADER_KEYS as readonly string[]).includes(key))
        issues.push(`${HEADER_FILE}: unknown key "${key}" (allowed: ${HEADER_KEYS.join(', ')})`);
    }
    for (const key of HEADER_KEYS) if (header[key] !== undefined) pack[key] = header[key];
  }
  const lists: Record<Section, unknown[]> = { actors: [], incidents: [], claims: [], relations: [] };
  const origins: Origins = { actors: [], incidents: [], claims: [], relations: [] };
  for (const part of parts) {
    if (!isObject(part.json)) {
      issues.push(`${part.path}: expected an object with actors, incidents, claims or relations`);
      continue;
    }
    const known = new Set<string>([...SECTIONS, ...SECTIONS.map((s) => SINGULAR[s])]);
    const unknown = Object.keys(part.json).filter((k) => !known.has(k));
    for (const key of unknown) issues.push(`${part.path}: unknown key "${key}"`);
    if (unknown.length === 0 && Object.keys(part.json).length === 0) issues.push(`${part.path}: empty part`);
    for (const section of SECTIONS) {
      const one = part.json[SINGULAR[section]];
      const many = part.json[section];
      if (one !== undefined) {
        lists[section].push(one);
        origins[section].push(`${part.path}: ${SINGULAR[section]}`);
      }
      if (many === undefined) continue;
      if (!Array.isArray(many)) {
        issues.push(`${part.path}: ${section}: expected an array`);
        continue;
      }
      many.forEach((entry, i) => {
        lists[section].push(entry);
        origins[section].push(`${part.path}: ${section}[${i}]`);
      });
    }
  }
  if (issues.length > 0) throw new PackError(issues[0] as string, issues);

  const version = pack.version ?? stamp.version;
  const assembled = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: pack.id,
    version,
    title: pack.title,
    ...(pack.description !== undefined ? { description: pack.description } : {}),
    license: pack.license,
    publishedAt: stamp.publishedAt,
    ...(pack.homepage !== undefined ? { homepage: pack.homepage } : {}),
    ...(pack.updateIntervalHours !== undefined ? { updateIntervalHours: pack.updateIntervalHours } : {}),
    ...lists,
  };
  try {
    return parsePack(assembled);
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    const located = err.issues.map((issue) => locate(issue, origins));
    throw new PackError(located[0] as string, located);
  }
}

/** `claims[37].date: …` → `incidents/sony.json: claims[1].date: …`; header fields → `pack.json: …`. */
function locate(issue: string, origins: Origins): string {
  // "(also claims[1])" names the other entry of a duplicate: by its file too.
  const text = issue.replace(
    /\(also (actors|incidents|claims|relations)\[(\d+)\]\)/g,
    (all, section: Section, i: string) => {
      const origin = origins[section][Number(i)];
      return origin === undefined ? all : `(also ${origin})`;
    },
  );
  const m = /^(actors|incidents|claims|relations)\[(\d+)\](.*)$/s.exec(text);
  if (m) {
    const origin = origins[m[1] as Section][Number(m[2])];
    if (origin !== undefined) return `${origin}${m[3]}`;
  }
  return `${HEADER_FILE}: ${text}`;
}

/** A file name for an id: ids may hold ':' which some file systems refuse. */
export function fileNameOf(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/**
 * The folder of a pack, as files (path → JSON value): the inverse of
 * assemblePack up to the order of entries, `version` and `publishedAt` (the
 * next build stamps them).
 */
export function splitPack(pack: ClaimPack): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const header: Record<string, unknown> = { id: pack.id, title: pack.title };
  if (pack.description !== undefined) header.description = pack.description;
  header.license = pack.license;
  if (pack.homepage !== undefined) header.homepage = pack.homepage;
  if (pack.updateIntervalHours !== undefined) header.updateIntervalHours = pack.updateIntervalHours;
  files.set(HEADER_FILE, header);
  if (pack.actors.length > 0) files.set('actors.json', { actors: pack.actors });

  const relationsFrom = new Map<string, Relation[]>();
  for (const r of pack.relations) relationsFrom.set(r.from, [...(relationsFrom.get(r.from) ?? []), r]);
  const placed = new Set<string>();
  const take = (path: string, claimIds: string[]): Relation[] => {
    const out = claimIds.flatMap((id) => relationsFrom.get(id) ?? []);
    if (files.has(path)) throw new PackError(`two entries would both be written to ${path}`);
    for (const id of claimIds) placed.add(id);
    return out;
  };
  for (const incident of pack.incidents) {
    const claims = pack.claims.filter((c) => c.incident === incident.id);
    const path = `incidents/${fileNameOf(incident.id)}`;
    const relations = take(
      path,
      claims.map((c) => c.id),
    );
    files.set(path, { incident, claims, ...(relations.length > 0 ? { relations } : {}) });
  }
  for (const claim of pack.claims) {
    if (placed.has(claim.id)) continue;
    const path = `claims/${fileNameOf(claim.id)}`;
    const relations = take(path, [claim.id]);
    files.set(path, { claim, ...(relations.length > 0 ? { relations } : {}) });
  }
  return files;
}

/** Parses `--version`: a safe integer ≥ 1. */
export function parseVersion(text: string): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return v.is(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PACK_VERSION)), n) ? n : undefined;
}
