/**
 * Conversion of the MISP galaxy threat-actor cluster
 * (https://github.com/MISP/misp-galaxy, clusters/threat-actor.json) into
 * ActorRecords, and merging of extra records (MISP, packs) into the builtin
 * ones.
 */
import { STATES } from './states';
import type { ActorRecord } from './types';

/**
 * Key under which two surface forms are considered the same: Unicode
 * compatibility-normalised, accents removed, typographic apostrophes
 * straightened, whitespace collapsed, lower-cased.
 */
export function foldForm(form: string): string {
  return form
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every surface form of a record: names, aliases, demonyms, and the id for non-states. */
export function surfaceForms(record: ActorRecord): string[] {
  const forms: string[] = [];
  if (record.kind !== 'state') forms.push(record.id);
  forms.push(...record.names.en, ...record.names.fr);
  if (record.aliases) forms.push(...record.aliases);
  if (record.demonyms) forms.push(...record.demonyms.en, ...record.demonyms.fr);
  return forms;
}

/**
 * MISP synonyms dropped because they are plain English or French words, common
 * proper names or brands, or too generic to match on. Compared after foldForm.
 */
const STOP_ALIASES: ReadonlySet<string> = new Set([
  // English / French ordinary words
  'amoeba', 'axiom', 'basin', 'bitter', 'black', 'butterfly', 'cardinal', 'castle', 'cicada',
  'dogfish', 'dragonfly', 'dragonfish', 'dune', 'elfin', 'fishmonger', 'foudre', 'hogfish',
  'hoodoo', 'lapsus', 'lead', 'leviathan', 'lurid', 'machete', 'mask', 'mirage', 'monsoon',
  'moonlight', 'patchwork', 'pioneer', 'pupa', 'rancor', 'rattlesnake', 'reaper', 'scimitar',
  'silence', 'snake', 'springtail', 'summit', 'trident', 'venom', 'vermin', 'voyeur', 'wraith',
  'budworm', 'billbug', 'leafminer', 'knotweed', 'buckeye', 'chafer', 'sidewinder', 'strider',
  'the mask', 'red eyes', 'group', 'team',
  // chemical elements and minerals in everyday use
  'aluminum', 'aluminium', 'boron', 'bromine', 'calcium', 'chromium', 'copper', 'electrum',
  'gadolinium', 'helium', 'iridium', 'krypton', 'magnesium', 'manganese', 'mercury', 'nickel',
  'oxygen', 'phosphorus', 'plutonium', 'potassium', 'radium', 'silicon', 'sodium', 'sulphur',
  'tantalum', 'zinc', 'barium', 'cerium', 'osmium',
  // names, brands, fiction, acronyms with a common other meaning
  'akira', 'alibaba', 'indra', 'labubu', 'lexus', 'polaris', 'popeye', 'sauron', 'superman',
  'topgear', 'masan', 'winnti', 'gop', 'ups', 'sea', 'tsb', 'cca', 'uca', 'uuc', 'mimo',
]);

/** Synonym shapes that are too generic to be a name on their own. */
const GENERIC_ALIAS_PATTERNS: readonly RegExp[] = [/^group ?\d+$/, /^team ?\d+$/, /^operation$/];

function cleanSynonym(raw: string): string {
  let s = raw.trim();
  s = s.replace(/^subgroup:\s*/i, ''); // "Subgroup: Andariel" → "Andariel"
  s = s.replace(/\s+\([^()]*\)$/, ''); // "Hive0081 (IBM)" → "Hive0081"
  s = s.replace(/[,;]+$/, ''); // "APT-Q-27," → "APT-Q-27"
  return s.trim();
}

/** Whether a (cleaned) synonym is usable as an alias. */
export function isUsableAlias(alias: string): boolean {
  const key = foldForm(alias);
  if (key.length < 3) return false;
  if (STOP_ALIASES.has(key)) return false;
  return !GENERIC_ALIAS_PATTERNS.some((re) => re.test(key));
}

let stateIndex: Map<string, string> | undefined;

function getStateIndex(): Map<string, string> {
  if (stateIndex) return stateIndex;
  const index = new Map<string, string>();
  for (const s of STATES) {
    for (const form of [...s.names.en, ...s.names.fr, ...(s.aliases ?? [])]) {
      const key = foldForm(form);
      if (!index.has(key)) index.set(key, s.id);
    }
  }
  stateIndex = index;
  return index;
}

const STATE_IDS: ReadonlySet<string> = new Set(STATES.map((s) => s.id));

/**
 * Resolves a country given as an ISO alpha-2 code ("CN") or as a name, in the
 * forms MISP uses ("China", "Russian Federation", "Iran (Islamic Republic
 * of)", "Korea (Democratic People's Republic of)"). Returns undefined for
 * "Unknown" and for anything that is not a known state.
 */
export function resolveState(name: string): string | undefined {
  const raw = name.trim();
  if (raw === '' || /^unknown$/i.test(raw)) return undefined;
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    if (STATE_IDS.has(code)) return code;
  }
  const index = getStateIndex();
  const direct = index.get(foldForm(raw));
  if (direct) return direct;
  // "Korea (Republic of)" → "Republic of Korea"
  const m = /^(.+?)\s*\((.+)\)$/.exec(raw);
  if (m?.[1] && m[2]) return index.get(foldForm(`${m[2]} ${m[1]}`));
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}

function fail(path: string, expected: string, got: unknown): never {
  throw new Error(`${path}: expected ${expected}, got ${describe(got)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(obj: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`${path}.${key}`, 'a string', v);
  return v;
}

/**
 * Converts a MISP galaxy threat-actor cluster into group records
 * (source "misp-galaxy"). Throws an Error naming the path of the first
 * malformed field. Entries without `meta` are fine; entries with the same
 * value (case-insensitively) are merged.
 */
export function actorsFromMispGalaxy(json: unknown): ActorRecord[] {
  if (!isPlainObject(json)) fail('(root)', 'an object', json);
  const values = json.values;
  if (!Array.isArray(values)) fail('values', 'an array', values);

  const out: ActorRecord[] = [];
  const byId = new Map<string, ActorRecord>();

  values.forEach((entry: unknown, i: number) => {
    const path = `values[${i}]`;
    if (!isPlainObject(entry)) fail(path, 'an object', entry);
    const rawValue = entry.value;
    if (typeof rawValue !== 'string' || rawValue.trim() === '') fail(`${path}.value`, 'a non-empty string', rawValue);
    const value = rawValue.trim();

    let synonyms: string[] = [];
    let state: string | undefined;
    const meta = entry.meta;
    if (meta !== undefined && meta !== null) {
      if (!isPlainObject(meta)) fail(`${path}.meta`, 'an object', meta);
      const metaPath = `${path}.meta`;
      const syn = meta.synonyms;
      if (syn !== undefined && syn !== null) {
        if (!Array.isArray(syn)) fail(`${metaPath}.synonyms`, 'an array of strings', syn);
        synonyms = syn.map((s: unknown, j: number) => {
          if (typeof s !== 'string') fail(`${metaPath}.synonyms[${j}]`, 'a string', s);
          return s;
        });
      }
      const country = optionalString(meta, 'country', metaPath);
      const sponsor = optionalString(meta, 'cfr-suspected-state-sponsor', metaPath);
      if (country !== undefined) state = resolveState(country);
      if (state === undefined && sponsor !== undefined) state = resolveState(sponsor);
    }

    const valueKey = foldForm(value);
    const aliases: string[] = [];
    const seen = new Set([valueKey]);
    for (const raw of synonyms) {
      const alias = cleanSynonym(raw);
      const key = foldForm(alias);
      if (seen.has(key) || !isUsableAlias(alias)) continue;
      seen.add(key);
      aliases.push(alias);
    }

    const existing = byId.get(valueKey);
    if (existing) {
      const known = new Set(surfaceForms(existing).map(foldForm));
      for (const a of aliases) {
        if (!known.has(foldForm(a))) {
          existing.aliases = [...(existing.aliases ?? []), a];
          known.add(foldForm(a));
        }
      }
      if (existing.state === undefined && state !== undefined) existing.state = state;
      return;
    }

    const record: ActorRecord = {
      id: value,
      kind: 'group',
      names: { en: [value], fr: [value] },
      source: 'misp-galaxy',
    };
    if (aliases.length > 0) record.aliases = aliases;
    if (state !== undefined) record.state = state;
    byId.set(valueKey, record);
    out.push(record);
  });

  return out;
}

function cloneRecord(r: ActorRecord): ActorRecord {
  const copy: ActorRecord = { ...r, names: { en: [...r.names.en], fr: [...r.names.fr] } };
  if (r.aliases) copy.aliases = [...r.aliases];
  if (r.demonyms) copy.demonyms = { en: [...r.demonyms.en], fr: [...r.demonyms.fr] };
  return copy;
}

const KIND_PREFERENCE: Record<ActorRecord['kind'], number> = { group: 0, agency: 1, organisation: 2, state: 3 };

function compareScores(a: number[], b: number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Merges `extra` records into `base` (neither input is modified):
 * - an extra record whose id equals (case-insensitively) the id of a base
 *   record, or, failing that, one of whose id/names/aliases equals a surface
 *   form of a base record, is merged into that base record: the base keeps its
 *   id, kind, names, state and source, and gains the extra's forms as new
 *   aliases. Alias overlap never merges into a state unless the extra record
 *   is itself a state. When several base records overlap, the one sharing the
 *   most forms wins, then the one of the same kind, then the first.
 * - other extra records are appended.
 * A form is never added to a record when another record already has it, and
 * an alias equal to the id of another extra record is dropped, so every
 * surface form of the result belongs to exactly one record (provided the base
 * itself has that property).
 */
export function mergeActors(base: ActorRecord[], extra: ActorRecord[]): ActorRecord[] {
  const out = base.map(cloneRecord);
  const baseCount = out.length;
  const owner = new Map<string, number>();
  const idIndex = new Map<string, number>();
  const claim = (key: string, index: number) => {
    if (!owner.has(key)) owner.set(key, index);
  };
  out.forEach((r, i) => {
    idIndex.set(foldForm(r.id), i);
    for (const f of surfaceForms(r)) claim(foldForm(f), i);
  });
  const extraIds = new Set(extra.map((x) => foldForm(x.id)));

  for (const x of extra) {
    const xId = foldForm(x.id);
    const xForms = [x.id, ...x.names.en, ...x.names.fr, ...(x.aliases ?? [])];
    let target = idIndex.get(xId);

    if (target === undefined) {
      const tally = new Map<number, number>();
      for (const f of new Set(xForms.map(foldForm))) {
        const o = owner.get(f);
        if (o === undefined || o >= baseCount) continue;
        const candidate = out[o];
        if (!candidate || (candidate.kind === 'state' && x.kind !== 'state')) continue;
        tally.set(o, (tally.get(o) ?? 0) + 1);
      }
      // Best candidate: most shared forms, then same kind, then kind preference, then base order.
      let best: number | undefined;
      let bestScore: number[] = [];
      for (const [i, count] of tally) {
        const r = out[i];
        if (!r) continue;
        const score = [-count, r.kind === x.kind ? 0 : 1, KIND_PREFERENCE[r.kind], i];
        if (best === undefined || compareScores(score, bestScore) < 0) {
          best = i;
          bestScore = score;
        }
      }
      target = best;
    }

    if (target !== undefined) {
      const t = out[target];
      if (!t) continue;
      for (const f of xForms) {
        const key = foldForm(f);
        if (owner.has(key)) continue;
        if (extraIds.has(key) && key !== xId) continue;
        t.aliases = [...(t.aliases ?? []), f.trim()];
        owner.set(key, target);
      }
      continue;
    }

    const index = out.length;
    const record = cloneRecord(x);
    const keep = (f: string) => {
      const key = foldForm(f);
      const o = owner.get(key);
      if (o !== undefined && o !== index) return false;
      if (extraIds.has(key) && key !== xId) return false;
      owner.set(key, index);
      return true;
    };
    if (!owner.has(xId)) owner.set(xId, index);
    record.names = { en: record.names.en.filter(keep), fr: record.names.fr.filter(keep) };
    if (record.aliases) {
      const aliases = record.aliases.filter(keep);
      if (aliases.length > 0) record.aliases = aliases;
      else delete record.aliases;
    }
    if (record.demonyms) record.demonyms = { en: record.demonyms.en.filter(keep), fr: record.demonyms.fr.filter(keep) };
    idIndex.set(xId, index);
    out.push(record);
  }
  return out;
}
