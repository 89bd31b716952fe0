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
 * compatibility-normalised, accents removed, typographic apostrophes and
 * dashes straightened, whitespace collapsed, lower-cased (consistent with
 * `fold` in ../text, which the gazetteer uses).
 */
export function foldForm(form: string): string {
  return form
    .replace(/[œŒ]/g, 'o')
    .replace(/[æÆ]/g, 'a')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC\u2032`\u00B4]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
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
  'amoeba',
  'axiom',
  'basin',
  'bitter',
  'black',
  'butterfly',
  'cardinal',
  'castle',
  'cicada',
  'dogfish',
  'dragonfly',
  'dragonfish',
  'dune',
  'elfin',
  'fishmonger',
  'foudre',
  'hogfish',
  'hoodoo',
  'lapsus',
  'lead',
  'leviathan',
  'lurid',
  'machete',
  'mask',
  'mirage',
  'monsoon',
  'moonlight',
  'patchwork',
  'pioneer',
  'pupa',
  'rancor',
  'rattlesnake',
  'reaper',
  'scimitar',
  'silence',
  'snake',
  'springtail',
  'summit',
  'trident',
  'venom',
  'vermin',
  'voyeur',
  'wraith',
  'budworm',
  'billbug',
  'leafminer',
  'knotweed',
  'buckeye',
  'chafer',
  'sidewinder',
  'strider',
  'the mask',
  'red eyes',
  'evil eye',
  'bad magic',
  'ugly face',
  'white giant',
  'group',
  'team',
  // chemical elements and minerals in everyday use
  'aluminum',
  'aluminium',
  'boron',
  'bromine',
  'calcium',
  'chromium',
  'copper',
  'electrum',
  'gadolinium',
  'helium',
  'iridium',
  'krypton',
  'magnesium',
  'manganese',
  'mercury',
  'nickel',
  'oxygen',
  'phosphorus',
  'plutonium',
  'potassium',
  'radium',
  'silicon',
  'sodium',
  'sulphur',
  'tantalum',
  'zinc',
  'barium',
  'cerium',
  'osmium',
  // names, brands, fiction, acronyms with a common other meaning
  'akira',
  'alibaba',
  'indra',
  'labubu',
  'lexus',
  'polaris',
  'popeye',
  'sauron',
  'superman',
  'topgear',
  'masan',
  'winnti',
  'gop',
  'ups',
  'sea',
  'tsb',
  'cca',
  'uca',
  'uuc',
  'mimo',
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
  // No country's name is that long: do not run the patterns below over a hostile string.
  if (raw === '' || raw.length > MISP_LIMITS.nameChars || /^unknown$/i.test(raw)) return undefined;
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
  if (typeof value !== 'string') return typeof value;
  return value.length > 60 ? `"${value.slice(0, 60)}…" (${value.length} characters)` : `"${value}"`;
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
 * Bounds of a galaxy file. Every name becomes an alternative of the
 * gazetteer's one regular expression: a name of ~35,000 characters makes it
 * "too large" to compile, and long names make it slow to build. The real
 * clusters stay far below (threat-actor: 1,041 values, at most 41 synonyms of
 * at most 41 characters; ransomware 2,135 values).
 */
export const MISP_LIMITS = {
  values: 10_000,
  /** A value or synonym is a name (the pack format's limit too). */
  nameChars: 200,
  synonymsPerValue: 100,
  /** Names (values and synonyms) in the whole file, and their characters. */
  names: 20_000,
  totalChars: 500_000,
} as const;

/**
 * Converts a MISP galaxy threat-actor cluster into group records
 * (source "misp-galaxy"). Throws an Error naming the path of the first
 * malformed field, or of the first that passes a bound of MISP_LIMITS.
 * Entries without `meta` are fine; entries with the same value
 * (case-insensitively) are merged.
 */
export function actorsFromMispGalaxy(json: unknown): ActorRecord[] {
  if (!isPlainObject(json)) fail('(root)', 'an object', json);
  const values = json.values;
  if (!Array.isArray(values)) fail('values', 'an array', values);
  if (values.length > MISP_LIMITS.values)
    throw new Error(`values: at most ${MISP_LIMITS.values} entries, got ${values.length}`);
  let names = 0;
  let chars = 0;
  const count = (path: string, name: string) => {
    if (name.length > MISP_LIMITS.nameChars)
      throw new Error(`${path}: at most ${MISP_LIMITS.nameChars} characters, got ${name.length}`);
    names++;
    chars += name.length;
    if (names > MISP_LIMITS.names) throw new Error(`${path}: more than ${MISP_LIMITS.names} names in the file`);
    if (chars > MISP_LIMITS.totalChars)
      throw new Error(`${path}: names longer than ${MISP_LIMITS.totalChars} characters in all`);
  };

  const out: ActorRecord[] = [];
  const byId = new Map<string, ActorRecord>();

  values.forEach((entry: unknown, i: number) => {
    const path = `values[${i}]`;
    if (!isPlainObject(entry)) fail(path, 'an object', entry);
    const rawValue = entry.value;
    if (typeof rawValue !== 'string' || rawValue.trim() === '') fail(`${path}.value`, 'a non-empty string', rawValue);
    const value = rawValue.trim();
    count(`${path}.value`, value);

    let synonyms: string[] = [];
    let state: string | undefined;
    const meta = entry.meta;
    if (meta !== undefined && meta !== null) {
      if (!isPlainObject(meta)) fail(`${path}.meta`, 'an object', meta);
      const metaPath = `${path}.meta`;
      const syn = meta.synonyms;
      if (syn !== undefined && syn !== null) {
        if (!Array.isArray(syn)) fail(`${metaPath}.synonyms`, 'an array of strings', syn);
        if (syn.length > MISP_LIMITS.synonymsPerValue)
          throw new Error(`${metaPath}.synonyms: at most ${MISP_LIMITS.synonymsPerValue} synonyms, got ${syn.length}`);
        synonyms = syn.map((s: unknown, j: number) => {
          if (typeof s !== 'string') fail(`${metaPath}.synonyms[${j}]`, 'a string', s);
          count(`${metaPath}.synonyms[${j}]`, s.trim());
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

const KIND_PREFERENCE: Record<ActorRecord['kind'], number> = {
  group: 0,
  agency: 1,
  organisation: 2,
  person: 3,
  collective: 4,
  state: 5,
};

function compareScores(a: number[], b: number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Merges `extra` records into `base` (neither input is modified).
 *
 * - An extra record is merged into a base record when their ids are equal
 *   (case-insensitively), or failing that when one of the extra's forms (id,
 *   names, aliases) equals a surface form of a base record; e.g. MISP "APT31"
 *   extends the builtin APT31, and MISP "UNC2452" extends the builtin APT29,
 *   which lists "UNC2452" as an alias. The base keeps its id, kind, names,
 *   state and source and gains the extra's forms as aliases.
 * - Only the base's own forms are used to find a match (not aliases added by
 *   earlier merges), an extra record never merges into a state unless it is a
 *   state itself, and a form that several extra records share (MISP lists
 *   e.g. "Grizzly Steppe" under both APT28 and APT29) is ambiguous: it is
 *   neither used to match nor added anywhere, except as the id of its own
 *   record. When several base records match, the one sharing the most forms
 *   wins, then one of the same kind, then the first.
 * - Other extra records are appended (extra records with the same id are
 *   merged together).
 * - A form is never added to a record when another record already has it, so
 *   every surface form of the result belongs to one record, provided this
 *   holds for `base`.
 */
export function mergeActors(base: ActorRecord[], extra: ActorRecord[]): ActorRecord[] {
  const out = base.map(cloneRecord);
  const owner = new Map<string, number>();
  const idIndex = new Map<string, number>();
  out.forEach((r, i) => {
    idIndex.set(foldForm(r.id), i);
    for (const f of surfaceForms(r)) {
      const key = foldForm(f);
      if (!owner.has(key)) owner.set(key, i);
    }
  });
  const baseOwner: ReadonlyMap<string, number> = new Map(owner);

  // Forms shared by several extra records (each record's forms counted once).
  const recordsByForm = new Map<string, Set<string>>();
  for (const x of extra) {
    const xId = foldForm(x.id);
    for (const f of extraForms(x)) {
      const key = foldForm(f);
      const ids = recordsByForm.get(key) ?? new Set<string>();
      ids.add(xId);
      recordsByForm.set(key, ids);
    }
  }
  const isAmbiguous = (key: string, xId: string) => key !== xId && (recordsByForm.get(key)?.size ?? 0) > 1;

  for (const x of extra) {
    const xId = foldForm(x.id);
    const forms = extraForms(x).filter((f) => !isAmbiguous(foldForm(f), xId));
    const target = idIndex.get(xId) ?? findOverlap(out, baseOwner, x, forms);

    if (target !== undefined) {
      const t = out[target];
      if (!t) continue;
      for (const f of forms) {
        const key = foldForm(f);
        if (owner.has(key)) continue;
        t.aliases = [...(t.aliases ?? []), f.trim()];
        owner.set(key, target);
      }
      continue;
    }

    const index = out.length;
    const record = cloneRecord(x);
    const keep = (f: string) => {
      const key = foldForm(f);
      if (isAmbiguous(key, xId)) return false;
      const o = owner.get(key);
      if (o !== undefined && o !== index) return false;
      owner.set(key, index);
      return true;
    };
    record.names = { en: record.names.en.filter(keep), fr: record.names.fr.filter(keep) };
    if (record.aliases) {
      const aliases = record.aliases.filter(keep);
      if (aliases.length > 0) record.aliases = aliases;
      else delete record.aliases;
    }
    if (record.demonyms) record.demonyms = { en: record.demonyms.en.filter(keep), fr: record.demonyms.fr.filter(keep) };
    if (!owner.has(xId)) owner.set(xId, index);
    idIndex.set(xId, index);
    out.push(record);
  }
  return out;
}

function extraForms(x: ActorRecord): string[] {
  return [
    x.id,
    ...x.names.en,
    ...x.names.fr,
    ...(x.aliases ?? []),
    ...(x.demonyms?.en ?? []),
    ...(x.demonyms?.fr ?? []),
  ];
}

/** The base record sharing forms with `x`, by the preference order documented on mergeActors. */
function findOverlap(
  out: ActorRecord[],
  baseOwner: ReadonlyMap<string, number>,
  x: ActorRecord,
  forms: string[],
): number | undefined {
  const tally = new Map<number, number>();
  for (const key of new Set(forms.map(foldForm))) {
    const o = baseOwner.get(key);
    if (o === undefined) continue;
    const candidate = out[o];
    if (!candidate || (candidate.kind === 'state' && x.kind !== 'state')) continue;
    tally.set(o, (tally.get(o) ?? 0) + 1);
  }
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
  return best;
}
