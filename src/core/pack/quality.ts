/**
 * The data rules a claim pack's content should follow beyond its schema, and
 * the figures that describe its coverage. The schema (schema.ts) says whether
 * a pack can be loaded; these say whether its statements tell each
 * controversy fairly: every incident heard from both sides, quotes short,
 * answers never older than what they answer. Used by `npm run pack -- stats`,
 * by the seed data's tests and by src/tools/check-seed-part.ts. Pure.
 */
import REPUBLISHING from './republishers.json';
import type { Claim, ClaimPack, Incident } from './schema';

const REPUBLISHERS = new Set(REPUBLISHING.republishers);
const REFUSED = new Set(REPUBLISHING.refused);
const STAGING_HOST = new RegExp(REPUBLISHING.stagingHostPattern);
/** How a publisher field names the original behind a republished copy. */
const NAMES_ORIGINAL = /\b(?:via|archived|republished|repris|d'après|quoting)\b|[(/]/i;

/** What the rules need to know about actors: the state behind an agency, official or group. */
export interface QualityResolver {
  stateOf(id: string): string | undefined;
  /** Whether the id names a known actor (built-in table); the pack's own actors count too. */
  known(id: string): boolean;
}

/** Stances said by the side that accuses, and by the side accused. */
const ACCUSING = new Set<Claim['stance']>(['accusation', 'attribution']);

/** A quote is one short sentence: at most this many words. */
export const QUOTE_MAX_WORDS = 40;

export interface IncidentSides {
  id: string;
  name: string;
  statements: number;
  /** The states (or non-state actors) the incident's accusations name. */
  accused: string[];
  /** Statements by a speaker that is not accused (attributions, fact-checks, context). */
  accusingSide: number;
  /** Statements by an accused party, or the state behind it (denials, counter-accusations). */
  accusedSide: number;
  /**
   * The accused has not spoken, and a publisher reported so ("did not respond
   * to requests for comment"): a `context` statement tagged `no-comment`.
   */
  accusedSilent: boolean;
  /** Heard from the accusers and, where the accused is a state, from that state too (or its silence reported). */
  allSides: boolean;
}

/** The tag of a publisher's report that the accused side did not answer. */
export const NO_COMMENT_TAG = 'no-comment';

/** Each side of an incident and whether both have been heard. */
export function incidentSides(incident: Incident, claims: readonly Claim[], r: QualityResolver): IncidentSides {
  const own = claims.filter((c) => c.incident === incident.id);
  const party = (id: string) => r.stateOf(id) ?? id;
  const accused = new Set(own.filter((c) => ACCUSING.has(c.stance)).flatMap((c) => c.accused.map(party)));
  let accusingSide = 0;
  let accusedSide = 0;
  for (const c of own) {
    if (accused.has(party(c.speakerActor))) accusedSide += 1;
    else accusingSide += 1;
  }
  // A state accused answers (or pointedly does not, which the pack then says); a criminal
  // group with no state behind it has no spokesperson, so its side is the one accused only.
  const stateAccused = [...accused].some((a) => /^[A-Z]{2}$/.test(a));
  const accusedSilent =
    accusedSide === 0 && own.some((c) => c.stance === 'context' && (c.tags ?? []).includes(NO_COMMENT_TAG));
  return {
    id: incident.id,
    name: incident.name,
    statements: own.length,
    accused: [...accused].sort(),
    accusingSide,
    accusedSide,
    accusedSilent,
    allSides: accusingSide > 0 && (accusedSide > 0 || accusedSilent || !stateAccused),
  };
}

export interface PackStats {
  pack: string;
  version: number;
  incidents: number;
  statements: number;
  relations: number;
  /** Incidents heard from every side that has spoken (see incidentSides). */
  incidentsWithAllSides: number;
  /** Of those, incidents where the accused state did not answer (as publishers reported). */
  incidentsAccusedSilent: number;
  /** Incidents whose evidence status (with its basis) is given. */
  incidentsWithStatus: number;
  statementsByLang: Record<string, number>;
  statementsByStance: Record<string, number>;
  /** Statements by the accusing side and by the accused side, over all incidents. */
  statementsBySide: { accusing: number; accused: number; noIncident: number };
  /** Source hosts (without "www."), most used first. */
  hosts: Record<string, number>;
  perIncident: IncidentSides[];
}

const count = (keys: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
};

export const hostOf = (url: string): string => new URL(url).hostname.toLowerCase().replace(/^www\./, '');

/** Whether the host is one of the listed hosts or a subdomain of one. */
const listed = (host: string, hosts: ReadonlySet<string>): boolean =>
  [...hosts].some((h) => host === h || host.endsWith(`.${h}`));

export function packStats(pack: ClaimPack, r: QualityResolver): PackStats {
  const perIncident = pack.incidents.map((inc) => incidentSides(inc, pack.claims, r));
  return {
    pack: pack.id,
    version: pack.version,
    incidents: pack.incidents.length,
    statements: pack.claims.length,
    relations: pack.relations.length,
    incidentsWithAllSides: perIncident.filter((s) => s.allSides).length,
    incidentsAccusedSilent: perIncident.filter((s) => s.accusedSilent).length,
    incidentsWithStatus: pack.incidents.filter((i) => i.evidence !== undefined).length,
    statementsByLang: count(pack.claims.map((c) => c.lang)),
    statementsByStance: count(pack.claims.map((c) => c.stance)),
    statementsBySide: {
      accusing: perIncident.reduce((n, s) => n + s.accusingSide, 0),
      accused: perIncident.reduce((n, s) => n + s.accusedSide, 0),
      noIncident: pack.claims.filter((c) => c.incident === undefined).length,
    },
    hosts: count(pack.claims.map((c) => hostOf(c.source.url))),
    perIncident,
  };
}

/**
 * Every breach of the data rules, as "where: what" lines (empty when none):
 * known actors, one incident per statement, quotes of one short sentence that
 * the paraphrase does not repeat, relations inside one incident, denials and
 * counter-accusations never answering a later statement, each incident with
 * names per language, an evidence status and every side that has spoken;
 * sources on the publisher's own host, or on a republisher's with the
 * original named, never on a refused host (republishers.json).
 */
export function packProblems(pack: ClaimPack, r: QualityResolver): string[] {
  const problems: string[] = [];
  const own = new Set(pack.actors.map((a) => a.id));
  const known = (id: string) => own.has(id) || r.known(id);
  const byId = new Map(pack.claims.map((c) => [c.id, c]));
  pack.claims.forEach((c, i) => {
    const at = `claims[${i}] (${c.id})`;
    for (const a of [...c.accused, c.speakerActor, ...(c.accuser === null ? [] : [c.accuser])])
      if (!known(a)) problems.push(`${at}: unknown actor "${a}" (add it to the pack's actors)`);
    if (c.incident === undefined) problems.push(`${at}: no incident`);
    const host = hostOf(c.source.url);
    if (STAGING_HOST.test(host))
      problems.push(`${at}: source on a staging or CDN host (${host}): cite the production host`);
    else if (listed(host, REFUSED))
      problems.push(`${at}: source on a refused host (${host}): cite the original publisher's own site`);
    else if (listed(host, REPUBLISHERS) && !NAMES_ORIGINAL.test(c.source.publisher))
      problems.push(`${at}: source republished by ${host}: the publisher must name the original ("Reuters (via …)")`);
    if (c.quote !== undefined) {
      if (c.quote.split(/\s+/).length > QUOTE_MAX_WORDS || /[.!?]\s+\p{Lu}/u.test(c.quote.trim()))
        problems.push(`${at}: quote longer than one short sentence`);
      if (c.text.includes(c.quote)) problems.push(`${at}: the paraphrase repeats the quote`);
    }
  });
  pack.relations.forEach((rel, i) => {
    const from = byId.get(rel.from);
    const to = byId.get(rel.to);
    if (from === undefined || to === undefined) return;
    if (from.incident !== to.incident)
      problems.push(`relations[${i}]: ${rel.from} and ${rel.to} are in different incidents`);
    if ((rel.type === 'denies' || rel.type === 'counter_accuses') && from.date < to.date)
      problems.push(`relations[${i}]: ${rel.from} (${from.date}) answers ${rel.to}, which is later (${to.date})`);
  });
  pack.incidents.forEach((inc, i) => {
    const at = `incidents[${i}] (${inc.id})`;
    const sides = incidentSides(inc, pack.claims, r);
    if (inc.evidence === undefined) problems.push(`${at}: no evidence status`);
    if (inc.names === undefined) problems.push(`${at}: no names per language`);
    if (sides.statements === 0) problems.push(`${at}: no statements`);
    else if (sides.accusingSide === 0) problems.push(`${at}: no statement from the accusing side`);
    else if (!sides.allSides)
      problems.push(
        `${at}: no statement from the accused side (${sides.accused.join(', ')}), nor a report that it did not answer (a context statement tagged ${NO_COMMENT_TAG})`,
      );
  });
  return problems;
}
