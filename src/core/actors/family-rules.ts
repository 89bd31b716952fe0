/**
 * The rules that turn MISP galaxy ransomware and tool clusters
 * (https://github.com/MISP/misp-galaxy: clusters/ransomware.json and
 * clusters/tool.json, dual-licensed CC0 1.0 / BSD 2-Clause) into the malware
 * and ransomware families the gazetteer knows as actors. One rule set, used
 * by src/tools/derive-malware-tables.ts (the built-in table,
 * src/data/actors/malware.json) and by the options page's MISP import in the
 * extension (families a newer or another cluster adds). Pure: the stop list
 * is built from compromise's lexicons and a hand list given as text.
 *
 * The clusters hold 2,743 entries, most of which a news reader never meets
 * (one-off ID-Ransomware samples, AV detection names, vendor codenames) or
 * which are ordinary words ("Play", "Hive", "Maze"). A gazetteer of news text
 * wants names the press uses that cannot be read as anything else, so entries
 * and names go through these rules, in this order:
 *
 * Entries
 *  E1 notability. Score = references to reporting sources (vendors, press,
 *     governments; not the catalogues of CATALOGUE_HOSTS: ransomlook.io,
 *     id-ransomware, pcrisk, nyxbone, social media, GitHub, YouTube, Google
 *     Docs, pastebin) + 1 for a tracked leak site (ransomlook `links`) + 1 for
 *     having synonyms + 1 for `related` links to other galaxies + the number
 *     (at most 2) of other entries of the three clusters that name it in their
 *     value, synonyms or description (variants and imitators such as "Fake
 *     Locky", a threat actor's toolset). Kept from MIN_SCORE (3) up.
 *  E2 not a family: software that attackers use but that is not theirs
 *     (administration tools, a VPN, penetration-testing and credential tools,
 *     the NSA exploits leaked in 2017); the hand list NOT_FAMILIES.
 *  E3 claimed by a group or another actor: an entry any of whose names is a
 *     surface form of a threat group of src/core/actors/groups.ts, or a
 *     version of one ("Lockbit3"), is that group's and stays the group's
 *     (LockBit, Conti, REvil/Sodinokibi, DarkSide/BlackMatter, Turla…); so is
 *     an entry whose MISP value is another builtin actor's name ("Cuba") or a
 *     name of the MISP threat-actor cluster (Karakurt, RansomHouse, Winnti…),
 *     which the extension merges at run time when it is imported. Entries
 *     whose value is one of the incident names of src/core/lexicon.ts
 *     (NotPetya, WannaCry, Stuxnet, Shamoon, Olympic Destroyer, Bad Rabbit…)
 *     go too: the detector reads those as operations, whose authors are the
 *     parties ("Russia was behind NotPetya"), not as parties themselves.
 *  E4 no usable name: entries left with no name by the name rules.
 *  E5 duplicate: an entry whose display name is a more notable entry's is
 *     merged into it (the ransomlook "dharma" into the ID-Ransomware "Dharma
 *     Ransomware"); names are compared folded and without spaces, dots,
 *     hyphens and underscores ("Poison Ivy" = "poisonivy").
 *
 * Names (the MISP `value`, then each of `meta.synonyms`)
 *  N1 cleaning, not a drop: surrounding quotes go; a trailing version
 *     ("TeslaCrypt 4.2", "Globe v1") and a trailing generic type word
 *     ("Ryuk ransomware", "KillDisk Wiper", "Gelup malware tool") are removed,
 *     keeping the base form, which the other rules then judge; an
 *     all-lower-case name (ransomlook writes "medusa") gets capital initials,
 *     so that the gazetteer requires a capital.
 *  N2 shape: detection and file names (characters such as : / \ ! @ # _ ( ,
 *     a vendor or platform prefix such as "Trojan.", "Win32/", "BKDR_",
 *     "FE_APT_", "OSX.", a detection suffix such as ".E" or ".14145", a file
 *     extension such as ".exe"), lists ("Troldesh orShade, XTBL"), dangling
 *     dashes, and names of more than 4 words.
 *  N3 not the family itself: names with the words fake, imposter,
 *     impersonator, decrypter, decryptor, emulator, clone, joke, hoax, test,
 *     leak(s), variant or version ("Fake Cerber", "Globe Imposter").
 *  N4 generic: names that still contain the word ransom, ransomware (or a
 *     misspelling, or rançongiciel), or that are only type words ("Locker").
 *  N5 too short: fewer than 4 characters when all letters ("RAA", "Sun",
 *     "Lv"); a digit or another character lets a name through ("3am" is then
 *     stopped by N6).
 *  N6 ordinary word or ambiguous proper name: the folded name, or the name
 *     without spaces, dots and hyphens, is in the stop list, which joins every
 *     entry of the English lexicon of compromise and of the French lexicon of
 *     fr-compromise (words and their inflections, first names, places,
 *     brands they know) with src/tools/malware-stopwords.txt (common English
 *     and French words those lexicons lack, mythological and other proper
 *     names, brands, acronyms with another meaning such as CSTO, and phrases
 *     such as "Merry Christmas"). A multi-word name made of ordinary words is
 *     kept ("Bad Rabbit", "Poison Ivy") unless the phrase itself is listed.
 *  N7 other actor: names that are surface forms of a builtin actor that is
 *     not a threat group (a state, capital, agency, organisation, collective,
 *     medium or official: "Malta", "Donald Trump") or incident names of the
 *     lexicon ("Not Petya"), multi-word names with a
 *     threat group's one-word name in them ("Epic Turla"), and names of the
 *     MISP threat-actor cluster (a name MISP gives to a group stays a group).
 *  N8 variant: a name that a shorter kept name already matches, because the
 *     gazetteer ends words at spaces, dots and hyphens ("Locky-Osiris",
 *     "WEBC2-ADSPACE", "Gh0st Rat" after "Gh0st").
 *  N9 ambiguous: a name several entries list, except for the entry whose
 *     display name it is ("Cryakl" stays with Cryakl, leaves Crylock).
 */
import { INCIDENT_NAMES } from '../lexicon';
import { loadEn, loadFr } from '../nlp-libs';
import { GROUPS } from './groups';
import { CURATED_ACTORS } from './index';
import type { FamilyKind } from './malware';
import { foldForm, surfaceForms } from './misp';
import { PEOPLE } from './people';

export type { FamilyKind } from './malware';

export interface MalwareFamily {
  /** The MISP `value` of the entry. */
  id: string;
  /** Surface forms; the first is the display name. */
  names: string[];
  kind: FamilyKind;
}

export interface MalwareTableHeader {
  source: string;
  licence: string;
  clusters: { name: string; uuid: string; version: number }[];
  generated?: string;
  note: string;
}

export interface MalwareTable {
  header: MalwareTableHeader;
  families: MalwareFamily[];
}

export interface Clusters {
  ransomware: unknown;
  tool: unknown;
  /** Optional: the threat-actor cluster, whose names stay groups (E3, N7) and whose descriptions count for E1. */
  threatActor?: unknown;
}

export interface DeriveOptions {
  /** YYYY-MM-DD, written to the header when given. */
  date?: string;
  /** The stop list of rule N6 (`stopwordsFrom`). */
  stopwords: ReadonlySet<string>;
}

export interface DeriveResult {
  table: MalwareTable;
  /** Rule → number of entries or names it dropped (or cleaned, for N1). */
  counts: Record<string, number>;
  /** Rule → the entries or names it dropped, for review. */
  dropped: Record<string, string[]>;
}

const SOURCE = 'MISP galaxy (https://github.com/MISP/misp-galaxy), clusters ransomware.json and tool.json';
const LICENCE =
  'CC0 1.0 Universal or BSD 2-Clause (dual-licensed; Copyright (c) 2015-2018 Alexandre Dulaunoy, CIRCL, Andras Iklody, Raphael Vinot, Deborah Servili and the MISP Project contributors)';
const NOTE = 'Derived by src/tools/derive-malware-tables.ts (npm run derive:malware); do not edit by hand.';

/** Reference hosts that catalogue every sample rather than report on a family (E1). */
const CATALOGUE_HOSTS: readonly RegExp[] = [
  /(^|\.)ransomlook\.io$/,
  /^id-ransomware\.blogspot\./,
  /(^|\.)pcrisk\.com$/,
  /(^|\.)nyxbone\.com$/,
  /(^|\.)twitter\.com$/,
  /^x\.com$/,
  /(^|\.)youtube\.com$/,
  /(^|\.)github\.com$/,
  /^docs\.google\.com$/,
  /(^|\.)pastebin\.com$/,
];

/** E2: software that is used in attacks but is not an attacker's (folded display or id). */
const NOT_FAMILIES: ReadonlySet<string> = new Set([
  // administration, remote access and system tools
  'psexec',
  'paexec',
  'procdump',
  'netcat',
  'netscan',
  'nbtscan',
  'tightvnc',
  'ammyadmin',
  'rdpwrap',
  'rdp wrapper',
  'wmiexec',
  'winexe',
  'csvde.exe',
  'private internet access',
  'certmig',
  'confuserex',
  'beds protector',
  'iserik',
  // penetration-testing and post-exploitation frameworks, credential tools
  'metasploit',
  'cobalt strike',
  'covenant',
  'sliver',
  'empire',
  'empyre',
  'koadic',
  'crackmapexec',
  'impacket',
  'mimikatz',
  'invoke-mimikatz',
  'lazagne',
  'chisel',
  'gost',
  'iodine',
  'enum4linux',
  'htran',
  'regeorg',
  'jexboss',
  'nlbrute',
  'badpotato',
  // exploits and exploitation kits of the 2017 Shadow Brokers leak
  'fuzzbunch',
  'danderspritz',
  'darkpulsar',
  'eternalblue',
  'eternalromance',
  'eternalsynergy',
  'eternalchampion',
  'esteemaudit',
  'eclipsedwing',
  'educatedscholar',
  'emeraldthread',
  'emphasismine',
  'englishmansdentist',
  'erraticgopher',
  'erraticgophertouch',
  'eskimoroll',
  'earlyshovel',
  'ebbisland',
  'echowrecker',
  'easybee',
  'easypi',
  'ewokfrenzy',
  'explodingcan',
  'epichero',
  'etre',
  'easyfun',
  'etceterablue',
  'expiredpaycheck',
  'eagerlever',
  'essaykeynote',
  'evadefred',
  'namedpipetouch',
  'smbtouch',
  'iistouch',
  'rpcoutch',
  'passfreely',
  'oddjob',
  'dopu',
  'xdedic rdp patch',
  'xdedic sysscan',
]);

/** N1: type words removed from the end of a name, keeping the base form. */
const TRAILING_TYPE =
  /\s+(?:ransomware|ransomsware|ransonware|ransom|malware|trojan|backdoor|rootkit|bootkit|botnet|wiper|webshell|spyware|virus|tool|family)$/i;
const TRAILING_VERSION = /\s+v?\d+(?:\.\d+)*[a-z]?\+?$/i;

/** N2: detection and file names. */
const DETECTION_PREFIX =
  /^(?:trojan|backdoor|bkdr|troj|win32|win64|w32|w64|osx|macos|linux|android|androidos|hacktool|exploit|downloader|dropper|generic|gen|msil|html|heur|apt|fe|agent|elf|js|vbs|tr|pws|spy|worm|virus)[._/:-]/i;
const FILE_EXTENSION = /\.(?:exe|dll|js|jar|bat|cmd|ps1|vbs|py|sh|apk|bin|scr|hta|lnk)$/i;
const SHAPE_CHARS = /[:/\\!@#()[\]{}<>,;"|?*=_]/;
/** "Mdmbot.E", "KillProc.14145", "Encoder.xxxx", "TeslaCrypt 0.x - 2.2.0", "TROJAN LETSGO", "Locked-In or NoValid". */
const SHAPE_PATTERNS: readonly RegExp[] = [
  /\.(?:[A-Za-z]{1,4}|\d+)$/,
  /\.x{3,}$/i,
  /\s-\s|[\s-]$/,
  /^(?:trojan|backdoor)\s/i,
  /\s(?:or|OR|ou)\s|\sor\p{Lu}/u,
];

/** E3 and N7: the incident names of the lexicon, which the detector reads as operations, not parties. */
const INCIDENT_NAME = new RegExp(`^(?:${INCIDENT_NAMES})$`);

/** Whether a name is one of the lexicon's incident names ("NotPetya", "WannaCry", "Olympic Destroyer"). */
export function isIncidentName(name: string): boolean {
  return INCIDENT_NAME.test(foldForm(name));
}

/** N3 and N4. */
const NOT_ITSELF =
  /\b(?:fake|imposter|impersonator|decrypter|decryptor|emulator|clone|joke|hoax|test|leaks?|variant|version)\b/i;
const GENERIC_WORD = /\b(?:ransom|ransomed|ransomware|ransomsware|ransonware|ramsomware|rançongiciel|rancongiciel)\b/i;
const TYPE_WORDS: ReadonlySet<string> = new Set([
  'locker',
  'crypt',
  'crypter',
  'cryptor',
  'encryptor',
  'rat',
  'bot',
  'loader',
  'stealer',
  'miner',
  'worm',
  'spyware',
  'malware',
  'trojan',
  'backdoor',
  'dropper',
  'downloader',
  'wiper',
  'keylogger',
  'group',
  'team',
]);

// ---------------------------------------------------------------------------
// Reading the clusters

interface RawEntry {
  value: string;
  synonyms: string[];
  refs: string[];
  hasLeakSite: boolean;
  hasRelated: boolean;
  description: string;
  kind: FamilyKind;
  order: number;
}

interface ClusterInfo {
  name: string;
  uuid: string;
  version: number;
  entries: RawEntry[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function readCluster(json: unknown, label: string, kind: FamilyKind): ClusterInfo {
  if (!isObject(json) || !Array.isArray(json.values)) throw new Error(`${label}: not a MISP galaxy cluster`);
  const entries: RawEntry[] = [];
  json.values.forEach((v: unknown, order) => {
    if (!isObject(v) || typeof v.value !== 'string' || v.value.trim() === '') return;
    const meta = isObject(v.meta) ? v.meta : {};
    entries.push({
      value: v.value.trim(),
      synonyms: strings(meta.synonyms),
      refs: strings(meta.refs),
      hasLeakSite: strings(meta.links).length > 0,
      hasRelated: Array.isArray(v.related) && v.related.length > 0,
      description: typeof v.description === 'string' ? v.description : '',
      kind,
      order,
    });
  });
  return {
    name: typeof json.name === 'string' ? json.name : label,
    uuid: typeof json.uuid === 'string' ? json.uuid : '',
    version: typeof json.version === 'number' ? json.version : 0,
    entries,
  };
}

/** Reads ransomware.json, tool.json and (if present) threat-actor.json from a directory. */
// ---------------------------------------------------------------------------
// Stop list

/** The lexicon (word → tags) of a compromise instance; fr-compromise's own types do not compile here. */
function lexiconOf(instance: unknown): Record<string, unknown> {
  const model = (instance as { model?: () => { one?: { lexicon?: unknown } } }).model?.();
  const lexicon = model?.one?.lexicon;
  if (!isObject(lexicon)) throw new Error('compromise: no lexicon');
  return lexicon;
}

/** The stop list of rule N6: both compromise lexicons and the hand list, folded. */
/**
 * The stop list of rule N6: both compromise lexicons and the hand list
 * (src/tools/malware-stopwords.txt: one word or phrase a line, `#` comments),
 * folded.
 */
export function stopwordsFrom(handList: string): Set<string> {
  const out = new Set<string>();
  for (const lexicon of [lexiconOf(loadEn()), lexiconOf(loadFr())])
    for (const word of Object.keys(lexicon)) out.add(foldForm(word));
  for (const line of handList.split('\n')) {
    const word = foldForm(line.replace(/#.*$/, ''));
    if (word === '') continue;
    out.add(word);
    // "dark angel" also stops "Darkangel" and "Dark-Angel".
    if (/[\s._-]/.test(word)) out.add(squash(word));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Names

type Verdict = { name: string } | { rule: string };

function cleanName(raw: string, counts: Record<string, number>): string {
  let s = raw
    .replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const before = s;
  for (let changed = true; changed; ) {
    const next = s.replace(TRAILING_TYPE, '').replace(TRAILING_VERSION, '').trim();
    changed = next !== s && next !== '';
    if (changed) s = next;
  }
  if (s === s.toLowerCase() && /^\p{Ll}/u.test(s))
    s = s.replace(/(^|[\s-])(\p{Ll})/gu, (_, p, c) => p + c.toUpperCase());
  if (s !== before) counts['N1 cleaned'] = (counts['N1 cleaned'] ?? 0) + 1;
  return s;
}

/** A folded name without spaces, dots, hyphens and underscores: "Bad-Rabbit", "BadRabbit" → "badrabbit". */
export function squash(key: string): string {
  return key.replace(/[\s._-]+/g, '');
}

/** Rule N6: whether a name (any case) is in the stop list, as is, spaced or squashed. */
export function isStopName(name: string, stopwords: ReadonlySet<string>): boolean {
  const key = foldForm(name);
  return stopwords.has(key) || stopwords.has(key.replace(/[._-]/g, ' ')) || stopwords.has(squash(key));
}

/** Rules N2 to N6 and N7 (other actors) on a cleaned name. */
function judgeName(
  raw: string,
  name: string,
  stopwords: ReadonlySet<string>,
  otherActors: ReadonlySet<string>,
  groupWords: ReadonlySet<string>,
  threatActors: ReadonlySet<string>,
): Verdict {
  if (
    SHAPE_CHARS.test(raw) ||
    SHAPE_PATTERNS.some((re) => re.test(name)) ||
    DETECTION_PREFIX.test(name) ||
    FILE_EXTENSION.test(name)
  )
    return { rule: 'N2 shape' };
  if (name.split(/\s+/).length > 4) return { rule: 'N2 shape' };
  if (NOT_ITSELF.test(name)) return { rule: 'N3 not the family' };
  const key = foldForm(name);
  if (GENERIC_WORD.test(key) || key.split(/[\s-]+/).every((w) => TYPE_WORDS.has(w))) return { rule: 'N4 generic' };
  if (key.length < 4 && /^[\p{L}]+$/u.test(key)) return { rule: 'N5 too short' };
  if (key.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return { rule: 'N5 too short' };
  if (isStopName(key, stopwords)) return { rule: 'N6 ordinary word' };
  if (otherActors.has(key) || isIncidentName(key)) return { rule: 'N7 other actor' };
  if (key.split(/[\s-]+/).length > 1 && key.split(/[\s-]+/).some((w) => groupWords.has(w)))
    return { rule: 'N7 other actor' };
  if (threatActors.has(key)) return { rule: 'N7 threat-actor cluster' };
  return { name };
}

// ---------------------------------------------------------------------------
// Derivation

interface Candidate {
  entry: RawEntry;
  score: number;
  /** Cleaned names that passed N2–N7, display name first. */
  names: string[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function reportingRefs(refs: readonly string[]): number {
  return refs.filter((r) => {
    const host = hostOf(r);
    return host !== '' && !CATALOGUE_HOSTS.some((re) => re.test(host));
  }).length;
}

/** Folded forms of the builtin actors (also squashed: "blackbasta"), split into threat groups and the rest. */
function builtinForms(): { groups: Set<string>; others: Set<string> } {
  const groups = new Set<string>();
  const others = new Set<string>();
  const add = (set: Set<string>, form: string) => {
    set.add(foldForm(form));
    set.add(squash(foldForm(form)));
  };
  for (const g of GROUPS) for (const f of surfaceForms(g)) add(groups, f);
  for (const r of [...CURATED_ACTORS, ...PEOPLE])
    if (r.kind !== 'group') for (const f of surfaceForms(r)) add(others, f);
  return { groups, others };
}

/** "lockbit3", "lockbit 3.0", "lockbit-black" → whether the base before a version or suffix is in `forms`. */
function isVersionOf(key: string, forms: ReadonlySet<string>): boolean {
  if (forms.has(key)) return true;
  const m = /^(.+?)[\s._-]*v?\d+(?:\.\d+)*$/.exec(key);
  return m?.[1] !== undefined && forms.has(m[1]);
}

function bump(result: DeriveResult, rule: string, what: string): void {
  result.counts[rule] = (result.counts[rule] ?? 0) + 1;
  const list = result.dropped[rule] ?? [];
  list.push(what);
  result.dropped[rule] = list;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** E1: the least notability score an entry of each cluster needs. */
export const MIN_SCORE: Record<FamilyKind, number> = { ransomware: 3, malware: 3 };

/** Derives the malware table from the parsed clusters (pure apart from reading the stop list). */
export function deriveMalwareTable(clusters: Clusters, options: DeriveOptions): DeriveResult {
  const { stopwords } = options;
  const ransomware = readCluster(clusters.ransomware, 'ransomware.json', 'ransomware');
  const tool = readCluster(clusters.tool, 'tool.json', 'malware');
  const actors =
    clusters.threatActor === undefined ? [] : readCluster(clusters.threatActor, 'threat-actor.json', 'malware').entries;
  const threatActors = new Set(actors.flatMap((a) => [a.value, ...a.synonyms].map(foldForm)));
  const { groups, others } = builtinForms();
  // Single-word group names, to stop "Epic Turla" (N7).
  const groupWords = new Set([...groups].filter((g) => /^[\p{L}\p{N}]{4,}$/u.test(g)));
  const result: DeriveResult = {
    table: { header: header(ransomware, tool, options.date), families: [] },
    counts: { 'input entries': ransomware.entries.length + tool.entries.length },
    dropped: {},
  };
  const entries = [...ransomware.entries, ...tool.entries];
  const namedBy = mentionIndex([...entries, ...actors]);

  // Entry rules E1–E3 and name rules N1–N7.
  const candidates: Candidate[] = [];
  for (const [index, entry] of entries.entries()) {
    const label = `${entry.value} [${entry.kind}]`;
    const score =
      reportingRefs(entry.refs) +
      (entry.hasLeakSite ? 1 : 0) +
      (entry.synonyms.length > 0 ? 1 : 0) +
      (entry.hasRelated ? 1 : 0) +
      Math.min(2, namedBy(foldForm(cleanName(entry.value, {})), index));
    if (score < MIN_SCORE[entry.kind]) {
      bump(result, 'E1 not notable', label);
      continue;
    }

    const cleaned = [entry.value, ...entry.synonyms].map((raw) => ({ raw, name: cleanName(raw, result.counts) }));
    if (cleaned.some(({ name }) => NOT_FAMILIES.has(foldForm(name)))) {
      bump(result, 'E2 not a family', label);
      continue;
    }
    if (cleaned.some(({ name }) => isVersionOf(foldForm(name), groups) || groups.has(squash(foldForm(name))))) {
      bump(result, 'E3 claimed by a group or actor', label);
      continue;
    }
    const valueKey = foldForm(cleaned[0]?.name ?? '');
    if (
      others.has(valueKey) ||
      threatActors.has(valueKey) ||
      threatActors.has(foldForm(entry.value)) ||
      isIncidentName(valueKey)
    ) {
      bump(result, 'E3 claimed by a group or actor', label);
      continue;
    }

    const names: string[] = [];
    for (const { raw, name } of cleaned) {
      const verdict = judgeName(raw, name, stopwords, others, groupWords, threatActors);
      if ('rule' in verdict) bump(result, verdict.rule, `${raw} (${entry.value})`);
      else if (!names.some((n) => foldForm(n) === foldForm(verdict.name))) names.push(verdict.name);
    }
    if (names.length === 0) {
      bump(result, 'E4 no usable name', label);
      continue;
    }
    candidates.push({ entry, score, names });
  }

  // Most notable first: they keep contested names and absorb duplicates (E5, N9).
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'ransomware' ? -1 : 1) ||
      a.entry.order - b.entry.order,
  );
  // Across entries, "Poison Ivy" and "poisonivy" are the same name.
  const nameKey = (name: string) => squash(foldForm(name));
  const listedBy = new Map<string, number>();
  for (const c of candidates)
    for (const key of new Set(c.names.map(nameKey))) listedBy.set(key, (listedBy.get(key) ?? 0) + 1);
  const displayOwner = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = nameKey(c.names[0] ?? '');
    if (!displayOwner.has(key)) displayOwner.set(key, c);
  }

  const kept = new Map<Candidate, string[]>();
  for (const c of candidates) {
    const target = displayOwner.get(nameKey(c.names[0] ?? '')) ?? c;
    if (target !== c) bump(result, 'E5 duplicate (merged)', `${c.entry.value} → ${target.entry.value}`);
    const names = kept.get(target) ?? [];
    for (const n of c.names) {
      const key = nameKey(n);
      const owner = displayOwner.get(key);
      if ((listedBy.get(key) ?? 0) > 1 && owner !== target) {
        bump(result, 'N9 ambiguous', `${n} (${c.entry.value})`);
        continue;
      }
      if (!names.some((k) => foldForm(k) === foldForm(n))) names.push(n);
    }
    kept.set(target, names);
  }

  // N8: names that a shorter kept name already matches ("Locky-Osiris", "COINTOSS.XLM").
  const keptKeys = [...new Set([...kept.values()].flat().map(foldForm))];
  const families: MalwareFamily[] = [];
  for (const [c, names] of kept) {
    const usable = names.filter((n) => {
      const key = foldForm(n);
      const base = keptKeys.find(
        (k) => key.length > k.length && key.startsWith(k) && /^[\s._-]/.test(key.slice(k.length)),
      );
      if (base === undefined) return true;
      bump(result, 'N8 variant', `${n} (of ${base})`);
      return false;
    });
    if (usable.length === 0) bump(result, 'E4 no usable name', `${c.entry.value} [${c.entry.kind}]`);
    else families.push({ id: c.entry.value, names: usable, kind: c.entry.kind });
  }
  families.sort((a, b) => byString(a.id, b.id) || byString(a.kind, b.kind));
  result.table.families = families;
  result.counts['kept families'] = families.length;
  result.counts['kept ransomware'] = families.filter((f) => f.kind === 'ransomware').length;
  result.counts['kept malware'] = families.filter((f) => f.kind === 'malware').length;
  result.counts['kept names'] = families.reduce((n, f) => n + f.names.length, 0);
  return result;
}

/**
 * E1's "other entries name it": how many other entries (of the three
 * clusters) have a word in their value, synonyms or description that starts
 * with the key ("Locky" in "Locky-Osiris", "PlugX" in a threat actor's
 * description). Multi-word keys are matched as a phrase.
 */
function mentionIndex(entries: readonly RawEntry[]): (key: string, self: number) => number {
  const texts = entries.map((e) => foldForm([e.value, ...e.synonyms, e.description].join(' ')));
  const byToken = new Map<string, Set<number>>();
  texts.forEach((text, i) => {
    for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
      if (token === '') continue;
      const set = byToken.get(token) ?? new Set<number>();
      set.add(i);
      byToken.set(token, set);
    }
  });
  const tokens = [...byToken.keys()].sort(byString);
  return (key, self) => {
    const [head, ...rest] = key.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
    if (head === undefined || key.length < 4) return 0;
    // Binary search for the first token >= head, then walk the tokens that start with it.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] ?? '') < head) lo = mid + 1;
      else hi = mid;
    }
    const naming = new Set<number>();
    for (let i = lo; i < tokens.length && (tokens[i] ?? '').startsWith(head); i++) {
      for (const j of byToken.get(tokens[i] ?? '') ?? []) {
        if (j !== self && (rest.length === 0 || (texts[j] ?? '').includes(key))) naming.add(j);
      }
    }
    return naming.size;
  };
}

function header(ransomware: ClusterInfo, tool: ClusterInfo, date: string | undefined): MalwareTableHeader {
  const h: MalwareTableHeader = {
    source: SOURCE,
    licence: LICENCE,
    clusters: [ransomware, tool].map(({ name, uuid, version }) => ({ name, uuid, version })),
    note: NOTE,
  };
  if (date !== undefined) h.generated = date;
  return h;
}

/** Biome's line width (biome.json): the table must pass `biome check` as generated. */
