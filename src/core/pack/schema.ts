/**
 * The claim-pack format: a versioned JSON document of actors, incidents,
 * claims (who said what, when, where, with a source) and relations between
 * claims. Validated with valibot; the same rules are published as JSON Schema
 * in public/claim-pack.schema.json. Pure TypeScript: runs in the background
 * worker, the CLI and the tests.
 */
import * as v from 'valibot';
import { firstInvalidUtf8 } from './utf8';

export const PACK_FORMAT = 'counterpoint-claim-pack';
/** The version of the format itself (not of a pack's content). */
export const PACK_FORMAT_VERSION = 1;

// Years 1900–2999: a pack's statements are about computer networks, and "0000" or "9999" is a typo.
const ISO_DATE = /^(?:19|2\d)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ISO_DATETIME =
  /^(?:19|2\d)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d))?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/**
 * What no string of a pack needs and what a terminal or a page would obey or
 * hide: C0 controls but tab, line feed and carriage return; DEL and the C1
 * controls; bidi embeddings, overrides and isolates; lone surrogates (a
 * surrogate is allowed only in a pair). No `u` flag: JSON Schema patterns have
 * none, and the published schema carries this very pattern.
 */
const PLAIN_CHARS =
  '(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*';
export const PLAIN_TEXT = new RegExp(`^${PLAIN_CHARS}$`);
const HTTP_URL = new RegExp(`^https?:\\/\\/${PLAIN_CHARS}$`);
/**
 * `s` without what PLAIN_TEXT refuses: controls and bidi controls removed,
 * lone surrogates replaced by U+FFFD. For strings a pack is built from that
 * come from a page (a saved sentence, a page title), which may hold anything.
 */
export function plainText(s: string): string {
  return s
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g,
      '',
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
const PLAIN_TEXT_MESSAGE = 'expected text without control characters (C0/C1, bidi overrides, lone surrogates)';
/** The longest update interval a pack may ask its subscribers for (the extension bounds it further). */
export const MAX_UPDATE_INTERVAL_HOURS = 24 * 366;
/** The largest version: a safe integer, so that version + 1 is always a newer one. */
export const MAX_PACK_VERSION = Number.MAX_SAFE_INTEGER;

const plainString = (message: string) => v.pipe(v.string(message), v.regex(PLAIN_TEXT, PLAIN_TEXT_MESSAGE));
const nonEmpty = (max: number) =>
  v.pipe(
    plainString('expected a string'),
    v.trim(),
    v.minLength(1, 'expected a non-empty string'),
    v.maxLength(max, `expected at most ${max} characters`),
  );
const id = v.pipe(v.string('expected a string'), v.regex(ID, 'expected an identifier (letters, digits, . _ : -)'));
/** A real calendar day: 2024-02-30 has the shape of a date and is none. */
const isCalendarDay = (s: string) => {
  const day = s.slice(0, 10);
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(day);
};
const isoDate = v.pipe(
  v.string('expected an ISO date'),
  v.regex(ISO_DATE, 'expected ISO date'),
  v.check(isCalendarDay, 'expected ISO date'),
);
const isoDateTime = v.pipe(
  v.string('expected an ISO date'),
  v.regex(ISO_DATETIME, 'expected ISO date (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]Z or ±hh:mm)'),
  v.check(isCalendarDay, 'expected ISO date'),
);
const url = v.pipe(
  v.string('expected a URL'),
  v.url('expected an http(s) URL'),
  v.regex(HTTP_URL, 'expected an http(s) URL without control characters'),
);
const lang = v.pipe(v.string('expected a language code'), v.regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code'));

export const CLAIM_STANCES = [
  'accusation',
  'attribution',
  'denial',
  'counter_accusation',
  'fact_check',
  'context',
] as const;
export const RELATION_TYPES = ['denies', 'counter_accuses', 'attributes', 'fact_checks', 'contextualises'] as const;
export const ACTOR_KINDS = ['state', 'agency', 'group', 'organisation', 'person', 'collective'] as const;
export const ACTIONS = [
  'cyberattack',
  'espionage',
  'intrusion',
  'data_theft',
  'ransomware',
  'malware',
  'ddos',
  'surveillance',
  'sabotage',
  'phishing',
  'influence',
  'hacking',
] as const;

/**
 * A bounded list: every claim is read by the matcher for each allegation it
 * may answer, so one claim with a million accused would slow every page that
 * names them (the seed pack's largest lists hold 13 entries).
 */
const list = <S extends v.GenericSchema>(item: S, max: number, message: string) =>
  v.pipe(v.array(item, message), v.maxLength(max, `expected at most ${max} entries`));

/** A schema with the description the generated JSON Schema carries (public/claim-pack.schema.json). */
const d = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));

const LocalisedSchema = v.pipe(
  v.strictObject({
    en: d(list(nonEmpty(200), 100, 'expected an array of names'), 'English forms.'),
    fr: d(list(nonEmpty(200), 100, 'expected an array of names'), 'French forms.'),
  }),
  v.description('Forms per language; each list may be empty.'),
);

export const ActorSchema = v.pipe(
  v.strictObject({
    id: d(
      nonEmpty(128),
      'ISO 3166-1 alpha-2 code for states ("CN"), canonical name otherwise ("APT31", "NSA", "Microsoft"). Claims refer to actors by this id. A pack may add names to a builtin actor; its kind and state stay the builtin ones.',
    ),
    kind: d(v.picklist(ACTOR_KINDS, `expected one of ${ACTOR_KINDS.join(', ')}`), 'What the actor is.'),
    names: d(LocalisedSchema, 'Proper names and metonyms per language; the first English name is the display name.'),
    demonyms: v.optional(d(LocalisedSchema, 'Adjective and demonym forms, every inflection (states).')),
    aliases: v.optional(
      d(
        list(nonEmpty(200), 200, 'expected an array of aliases'),
        'Language-neutral aliases: group synonyms, acronyms.',
      ),
    ),
    state: v.optional(
      d(
        v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')),
        'For agencies, groups and organisations: the ISO 3166-1 alpha-2 code of the state that runs, sponsors or hosts it.',
      ),
    ),
    source: v.optional(d(nonEmpty(200), 'Where the record comes from.')),
  }),
  v.description(
    'Someone who can accuse or be accused: a state, an agency, a threat group, an organisation, a person or a collective (NATO, the EU, the West).',
  ),
);

/**
 * Where an incident's attribution stands, summarised from who said what — never
 * a verdict of the pack's own. The strongest public basis applies.
 */
export const EVIDENCE_KINDS = [
  /** Named publicly by one or more governments (the basis says which, and how many). */
  'attributed_by_governments',
  /** Charged in court or sanctioned (indictments, EU/UK/US sanctions). */
  'indicted_or_sanctioned',
  /** Attributed by security companies or researchers only. */
  'attributed_by_companies',
  /** Claimed by the group that says it did it. */
  'claimed_by_perpetrator',
  /** Alleged by one side (its agencies, state media), denied, no independent public evidence. */
  'alleged_denied_no_public_evidence',
  /** The attribution is disputed by independent researchers. */
  'contested_by_researchers',
  /** No public attribution to a named actor. */
  'unattributed',
] as const;

export const EvidenceSchema = v.pipe(
  v.strictObject({
    kind: d(v.picklist(EVIDENCE_KINDS, `expected one of ${EVIDENCE_KINDS.join(', ')}`), 'The strongest public basis.'),
    /** Who said what, in the pack author's words (no verdict of our own). */
    basis: d(nonEmpty(600), "Who said what, in the pack author's words."),
    /** The claims of this incident that support the status. */
    claims: d(
      list(id, 1000, 'expected an array of claim ids'),
      "Ids of this incident's claims that support the status.",
    ),
  }),
  v.description("Where the attribution stands, summarised from who said what (never a verdict of the pack's own)."),
);

export const IncidentSchema = v.pipe(
  v.strictObject({
    id: d(id, "Unique among the pack's incidents."),
    /** The English name as the press uses it: "Sony Pictures hack (2014)". */
    name: d(nonEmpty(200), 'The English name as the press uses it, e.g. "Sony Pictures hack (2014)".'),
    /** Names the press uses, per language (the first French one is shown in French). */
    names: v.optional(d(LocalisedSchema, 'Names the press uses, per language.')),
    /** Other names: malware, operation and campaign names ("Industroyer2", "Opération Pawn Storm"). */
    aliases: v.optional(
      d(
        list(nonEmpty(200), 100, 'expected an array of aliases'),
        'Other names: malware, operation and campaign names.',
      ),
    ),
    startDate: d(isoDate, 'When it started, as far as known.'),
    endDate: v.optional(d(isoDate, 'When it ended; not before startDate.')),
    summary: d(nonEmpty(1000), 'A neutral summary.'),
    actors: v.optional(d(list(nonEmpty(128), 100, 'expected an array of actor ids'), 'Ids of the actors involved.')),
    evidence: v.optional(EvidenceSchema),
    tags: v.optional(d(list(nonEmpty(64), 32, 'expected an array of tags'), 'Free-form tags.')),
  }),
  v.description('An incident that several claims refer to.'),
);

export const SourceSchema = v.pipe(
  v.strictObject({
    url: d(url, 'The page that carries the claim.'),
    publisher: d(nonEmpty(200), 'Who published it.'),
    title: v.optional(d(nonEmpty(400), 'Title of the page or document.')),
  }),
  v.description('Where the claim was made or reported.'),
);

export const ClaimSchema = v.pipe(
  v.strictObject({
    id: d(id, "Unique among the pack's claims."),
    /** A paraphrase in the pack author's words. */
    text: d(nonEmpty(600), "A paraphrase in the pack author's words."),
    /** At most one short sentence quoted verbatim. */
    quote: v.optional(d(nonEmpty(300), 'At most one short sentence quoted verbatim.')),
    lang: d(lang, "ISO 639 code of the source's language."),
    speaker: d(nonEmpty(300), 'Who speaks, as the source names them.'),
    /** Actor id of whoever speaks: "CN", "US", "Microsoft"… */
    speakerActor: d(nonEmpty(128), 'Actor id of whoever speaks: "CN", "US", "Microsoft"…'),
    accused: d(
      list(nonEmpty(128), 32, 'expected an array of actor ids'),
      'Actor ids of those the claim accuses (may be empty).',
    ),
    accuser: v.nullable(d(nonEmpty(128), 'Actor id of the accuser the claim answers or reports, or null.')),
    targets: d(list(nonEmpty(200), 32, 'expected an array of targets'), 'Who or what was targeted, in words.'),
    action: d(v.picklist(ACTIONS, `expected one of ${ACTIONS.join(', ')}`), 'What the accused is said to have done.'),
    stance: d(v.picklist(CLAIM_STANCES, `expected one of ${CLAIM_STANCES.join(', ')}`), 'What the claim does.'),
    date: d(isoDate, 'When the claim was made.'),
    source: SourceSchema,
    incident: v.optional(d(id, 'Id of an incident of this pack.')),
    tags: v.optional(d(list(nonEmpty(64), 32, 'expected an array of tags'), 'Free-form tags.')),
  }),
  v.description('Who said what about whom, when, with a source.'),
);

export const RelationSchema = v.pipe(
  v.strictObject({
    from: d(id, 'Id of the answering claim.'),
    to: d(id, 'Id of the claim answered; not the same as from.'),
    type: d(v.picklist(RELATION_TYPES, `expected one of ${RELATION_TYPES.join(', ')}`), 'How from answers to.'),
    note: v.optional(d(nonEmpty(400), 'Why the claims are related.')),
  }),
  v.description('How one claim answers another claim of the same pack.'),
);

export const ClaimPackSchema = v.pipe(
  v.strictObject({
    format: d(v.literal(PACK_FORMAT, `expected "${PACK_FORMAT}"`), 'Identifies the document as a claim pack.'),
    formatVersion: d(
      v.literal(PACK_FORMAT_VERSION, `expected ${PACK_FORMAT_VERSION}`),
      "Version of the claim-pack format itself (not of the pack's content).",
    ),
    id: d(id, "The pack's identifier; installing a pack with the same id replaces it."),
    version: d(
      v.pipe(
        v.number('expected a number'),
        v.integer('expected an integer'),
        v.minValue(1, 'expected ≥ 1'),
        v.maxValue(MAX_PACK_VERSION, 'expected a safe integer (at most 2^53 − 1)'),
      ),
      "Version of the pack's content, a safe integer; an update must have a greater version than the installed one. `pack build` stamps YYYYMMDDhhmm unless told otherwise.",
    ),
    title: d(nonEmpty(200), 'Title shown in the pack list.'),
    description: v.optional(d(nonEmpty(2000), 'What the pack covers.')),
    license: d(nonEmpty(200), "Licence of the pack's content, e.g. an SPDX identifier such as CC-BY-4.0."),
    publishedAt: d(
      isoDateTime,
      'When this version was published: an ISO 8601 date, or a date-time with minutes, optional seconds and a time zone (Z or ±hh:mm).',
    ),
    homepage: v.optional(d(url, 'Where the pack is maintained.')),
    updateIntervalHours: v.optional(
      d(
        v.pipe(
          v.number('expected a number'),
          v.minValue(1, 'expected ≥ 1'),
          v.maxValue(MAX_UPDATE_INTERVAL_HOURS, `expected at most ${MAX_UPDATE_INTERVAL_HOURS} (a year)`),
        ),
        'How often subscribers should look for a new version, in hours. The extension keeps it between 6 hours and 14 days; daily when absent.',
      ),
    ),
    actors: d(
      v.array(ActorSchema, 'expected an array'),
      'Actors the claims mention that the extension may not know (extra names, groups, organisations).',
    ),
    incidents: d(v.array(IncidentSchema, 'expected an array'), 'Incidents that claims refer to.'),
    claims: d(
      v.array(ClaimSchema, 'expected an array'),
      'Claims: accusations, attributions, denials, counter-accusations, fact-checks and context.',
    ),
    relations: d(v.array(RelationSchema, 'expected an array'), 'How claims answer each other.'),
  }),
  v.title('Counterpoint claim pack'),
  v.description(
    "A versioned set of actors, incidents, claims (who said what, when, with a source) and relations between claims, installable in the Counterpoint extension. Generated from the valibot schema of src/core/pack/schema.ts (npm run pack:schema). Strings hold no control characters (C0 but tab and line breaks, DEL, C1), bidi overrides or isolates, or lone surrogates; a non-empty string must contain a non-space character (the extension trims strings before checking their length). The extension also checks what JSON Schema cannot express: ids unique among actors, among incidents and among claims; every claims[].incident and relations[].from/to naming an entry of the same pack; no relation from a claim to itself; an incident's endDate not before its startDate; dates that exist in the calendar; a file in UTF-8 (a leading byte-order mark is allowed).",
  ),
);

export type PackActor = v.InferOutput<typeof ActorSchema>;
export type Incident = v.InferOutput<typeof IncidentSchema>;
export type IncidentEvidence = v.InferOutput<typeof EvidenceSchema>;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type ClaimSource = v.InferOutput<typeof SourceSchema>;
export type Relation = v.InferOutput<typeof RelationSchema>;
export type ClaimPack = v.InferOutput<typeof ClaimPackSchema>;
export type ClaimStance = (typeof CLAIM_STANCES)[number];
export type RelationType = (typeof RELATION_TYPES)[number];

export class PackError extends Error {
  override name = 'PackError';
  constructor(
    message: string,
    /** Every problem found, `path: message`, first one first. */
    readonly issues: string[] = [message],
  ) {
    super(message);
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** valibot's message, but for a key that is missing or not in the format, said plainly. */
function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.kind === 'schema') {
    if (issue.expected === 'never') return 'unknown key (not in the claim-pack format)';
    if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return 'missing (required)';
  }
  return issue.message;
}

/**
 * Validate a parsed claim pack: shape (valibot), then integrity (unique ids,
 * relations and incidents that point at existing entries). Throws a PackError
 * whose message names the first bad field by path (`claims[12].date: expected
 * ISO date`) and whose `issues` lists every problem found.
 */
export function parsePack(input: unknown): ClaimPack {
  const result = v.safeParse(ClaimPackSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    const issues = result.issues.map((i) => `${pathOf(i)}: ${messageOf(i)}`);
    throw new PackError(issues[0] ?? 'invalid claim pack', issues);
  }
  const pack = result.output;
  const issues: string[] = [];
  const claimIds = new Map<string, number>();
  pack.claims.forEach((c, i) => {
    if (claimIds.has(c.id)) issues.push(`claims[${i}].id: duplicate id "${c.id}" (also claims[${claimIds.get(c.id)}])`);
    else claimIds.set(c.id, i);
  });
  const incidentIds = new Set<string>();
  pack.incidents.forEach((inc, i) => {
    if (incidentIds.has(inc.id)) issues.push(`incidents[${i}].id: duplicate id "${inc.id}"`);
    incidentIds.add(inc.id);
    if (inc.endDate !== undefined && inc.endDate < inc.startDate)
      issues.push(`incidents[${i}].endDate: before startDate`);
  });
  const actorIds = new Set<string>();
  pack.actors.forEach((a, i) => {
    if (actorIds.has(a.id)) issues.push(`actors[${i}].id: duplicate id "${a.id}"`);
    actorIds.add(a.id);
  });
  pack.claims.forEach((c, i) => {
    if (c.incident !== undefined && !incidentIds.has(c.incident))
      issues.push(`claims[${i}].incident: unknown incident "${c.incident}"`);
  });
  pack.incidents.forEach((inc, i) => {
    inc.evidence?.claims.forEach((cid, j) => {
      const at = claimIds.get(cid);
      if (at === undefined) issues.push(`incidents[${i}].evidence.claims[${j}]: unknown claim "${cid}"`);
      else if (pack.claims[at]?.incident !== inc.id)
        issues.push(`incidents[${i}].evidence.claims[${j}]: claim "${cid}" belongs to another incident`);
    });
  });
  pack.relations.forEach((r, i) => {
    if (!claimIds.has(r.from)) issues.push(`relations[${i}].from: unknown claim "${r.from}"`);
    if (!claimIds.has(r.to)) issues.push(`relations[${i}].to: unknown claim "${r.to}"`);
    if (r.from === r.to) issues.push(`relations[${i}]: a claim cannot relate to itself`);
  });
  if (issues.length > 0) throw new PackError(issues[0] as string, issues);
  return pack;
}

/**
 * Parse pack text (JSON) with a clear error for malformed JSON. A leading
 * byte-order mark is not part of the JSON and is dropped (as JSONL input does).
 */
export function parsePackJson(text: string): ClaimPack {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Engines quote the text around the error: keep the message short.
    throw new PackError(`(root): invalid JSON: ${message.length > 200 ? `${message.slice(0, 200)}…` : message}`);
  }
  return parsePack(json);
}

/**
 * Parse a pack file's bytes: UTF-8, strictly (an invalid byte is refused with
 * its offset, never replaced silently), an optional byte-order mark, then
 * parsePackJson.
 */
export function parsePackBytes(bytes: Uint8Array): ClaimPack {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new PackError(`(root): invalid UTF-8 at byte ${start + firstInvalidUtf8(body)}`);
  }
  return parsePackJson(text);
}
