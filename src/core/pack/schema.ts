/**
 * The claim-pack format: a versioned JSON document of actors, incidents,
 * claims (who said what, when, where, with a source) and relations between
 * claims. Validated with valibot; the same rules are published as JSON Schema
 * in public/claim-pack.schema.json. Pure TypeScript: runs in the background
 * worker, the CLI and the tests.
 */
import * as v from 'valibot';

export const PACK_FORMAT = 'counterpoint-claim-pack';
/** The version of the format itself (not of a pack's content). */
export const PACK_FORMAT_VERSION = 1;

const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const nonEmpty = (max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.trim(),
    v.minLength(1, 'expected a non-empty string'),
    v.maxLength(max, `expected at most ${max} characters`),
  );
const id = v.pipe(v.string('expected a string'), v.regex(ID, 'expected an identifier (letters, digits, . _ : -)'));
const isoDate = v.pipe(
  v.string('expected an ISO date'),
  v.regex(ISO_DATE, 'expected ISO date'),
  v.check(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'expected ISO date',
  ),
);
const isoDateTime = v.pipe(v.string('expected an ISO date'), v.regex(ISO_DATETIME, 'expected ISO date'));
const url = v.pipe(
  v.string('expected a URL'),
  v.url('expected an http(s) URL'),
  v.check((s) => /^https?:\/\//.test(s), 'expected an http(s) URL'),
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

const LocalisedSchema = v.strictObject({
  en: v.array(nonEmpty(200), 'expected an array of names'),
  fr: v.array(nonEmpty(200), 'expected an array of names'),
});

export const ActorSchema = v.strictObject({
  id: nonEmpty(128),
  kind: v.picklist(ACTOR_KINDS, `expected one of ${ACTOR_KINDS.join(', ')}`),
  names: LocalisedSchema,
  demonyms: v.optional(LocalisedSchema),
  aliases: v.optional(v.array(nonEmpty(200), 'expected an array of aliases')),
  state: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'))),
  source: v.optional(nonEmpty(200)),
});

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

export const EvidenceSchema = v.strictObject({
  kind: v.picklist(EVIDENCE_KINDS, `expected one of ${EVIDENCE_KINDS.join(', ')}`),
  /** Who said what, in the pack author's words (no verdict of our own). */
  basis: nonEmpty(600),
  /** The claims of this incident that support the status. */
  claims: v.array(id, 'expected an array of claim ids'),
});

export const IncidentSchema = v.strictObject({
  id,
  /** The English name as the press uses it: "Sony Pictures hack (2014)". */
  name: nonEmpty(200),
  /** Names the press uses, per language (the first French one is shown in French). */
  names: v.optional(LocalisedSchema),
  /** Other names: malware, operation and campaign names ("Industroyer2", "Opération Pawn Storm"). */
  aliases: v.optional(v.array(nonEmpty(200), 'expected an array of aliases')),
  startDate: isoDate,
  endDate: v.optional(isoDate),
  summary: nonEmpty(1000),
  actors: v.optional(v.array(nonEmpty(128))),
  evidence: v.optional(EvidenceSchema),
  tags: v.optional(v.array(nonEmpty(64))),
});

export const SourceSchema = v.strictObject({
  url,
  publisher: nonEmpty(200),
  title: v.optional(nonEmpty(400)),
});

export const ClaimSchema = v.strictObject({
  id,
  /** A paraphrase in the pack author's words. */
  text: nonEmpty(600),
  /** At most one short sentence quoted verbatim. */
  quote: v.optional(nonEmpty(300)),
  lang,
  speaker: nonEmpty(300),
  /** Actor id of whoever speaks: "CN", "US", "Microsoft"… */
  speakerActor: nonEmpty(128),
  accused: v.array(nonEmpty(128), 'expected an array of actor ids'),
  accuser: v.nullable(nonEmpty(128)),
  targets: v.array(nonEmpty(200), 'expected an array of targets'),
  action: v.picklist(ACTIONS, `expected one of ${ACTIONS.join(', ')}`),
  stance: v.picklist(CLAIM_STANCES, `expected one of ${CLAIM_STANCES.join(', ')}`),
  date: isoDate,
  source: SourceSchema,
  incident: v.optional(id),
  tags: v.optional(v.array(nonEmpty(64))),
});

export const RelationSchema = v.strictObject({
  from: id,
  to: id,
  type: v.picklist(RELATION_TYPES, `expected one of ${RELATION_TYPES.join(', ')}`),
  note: v.optional(nonEmpty(400)),
});

export const ClaimPackSchema = v.pipe(
  v.strictObject({
    format: v.literal(PACK_FORMAT, `expected "${PACK_FORMAT}"`),
    formatVersion: v.literal(PACK_FORMAT_VERSION, `expected ${PACK_FORMAT_VERSION}`),
    id,
    version: v.pipe(v.number('expected a number'), v.integer('expected an integer'), v.minValue(1, 'expected ≥ 1')),
    title: nonEmpty(200),
    description: v.optional(nonEmpty(2000)),
    license: nonEmpty(200),
    publishedAt: isoDateTime,
    homepage: v.optional(url),
    actors: v.array(ActorSchema, 'expected an array'),
    incidents: v.array(IncidentSchema, 'expected an array'),
    claims: v.array(ClaimSchema, 'expected an array'),
    relations: v.array(RelationSchema, 'expected an array'),
  }),
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

/**
 * Validate a parsed claim pack: shape (valibot), then integrity (unique ids,
 * relations and incidents that point at existing entries). Throws a PackError
 * whose message names the first bad field by path (`claims[12].date: expected
 * ISO date`) and whose `issues` lists every problem found.
 */
export function parsePack(input: unknown): ClaimPack {
  const result = v.safeParse(ClaimPackSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    const issues = result.issues.map((i) => `${pathOf(i)}: ${i.message}`);
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

/** Parse pack text (JSON) with a clear error for malformed JSON. */
export function parsePackJson(text: string): ClaimPack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PackError(`(root): invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parsePack(json);
}
