/**
 * The statement picker's search: the claims of every installed pack (the
 * seed, subscribed packs, "My annotations") found by their text, quote,
 * speaker, accused and incident (its names in English and French and its
 * aliases), accents and case folded, prefixes and small typos allowed. What a
 * fact-checker links an annotation to is the claim's key, `packId/claimId`.
 * Pure TypeScript: the background builds it from the database.
 */
import MiniSearch from 'minisearch';
import type { Claim, ClaimStance, Incident } from '../pack/schema';
import { foldTerm } from './fold';

/** A claim of an installed pack as the library shows it: enough to recognise it in a chip. */
export interface StatementHit {
  /** `packId/claimId`: what a saved claim's `links` hold. */
  key: string;
  packId: string;
  text: string;
  quote?: string;
  speaker: string;
  date: string;
  lang: string;
  stance: ClaimStance;
  accused: string[];
  accuser: string | null;
  /** The incident's name, when the claim belongs to one. */
  incident?: string;
}

export type IndexedClaim = Claim & { packId: string };
export type IndexedIncident = Incident & { packId: string };

/** The key of a claim of pack `packId`, as links store it. */
export function statementKey(packId: string, claimId: string): string {
  return `${packId}/${claimId}`;
}

/** The pack and claim ids of a link, or null when it is not a claim key. */
export function splitStatementKey(key: string): { packId: string; claimId: string } | null {
  const at = key.indexOf('/');
  if (at <= 0 || at === key.length - 1 || key.indexOf('/', at + 1) !== -1) return null;
  return { packId: key.slice(0, at), claimId: key.slice(at + 1) };
}

// Words too common to narrow a search ("the denial of China", "le démenti de la Chine").
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'and',
  'or',
  'for',
  'by',
  'le',
  'la',
  'les',
  'l',
  'de',
  'des',
  'du',
  'd',
  'un',
  'une',
  'et',
  'ou',
  'en',
  'au',
  'aux',
]);

function processTerm(term: string): string | null {
  const folded = foldTerm(term);
  return STOP.has(folded) ? null : folded;
}

export function hitOf(c: IndexedClaim, incident: Incident | undefined): StatementHit {
  return {
    key: statementKey(c.packId, c.id),
    packId: c.packId,
    text: c.text,
    ...(c.quote !== undefined ? { quote: c.quote } : {}),
    speaker: c.speaker,
    date: c.date,
    lang: c.lang,
    stance: c.stance,
    accused: [...c.accused],
    accuser: c.accuser,
    ...(incident !== undefined ? { incident: incident.name } : {}),
  };
}

export interface StatementIndex {
  /** The best `limit` statements for the query, best first; none for an empty query. */
  search(query: string, limit: number): StatementHit[];
  readonly size: number;
}

interface Doc {
  key: string;
  text: string;
  quote: string;
  speaker: string;
  accused: string;
  incident: string;
  tags: string;
}

/** An index of every claim given, with the incidents they belong to (per pack: incident ids are local). */
export function createStatementIndex(
  claims: readonly IndexedClaim[],
  incidents: readonly IndexedIncident[],
): StatementIndex {
  const incidentOf = new Map(incidents.map((i) => [statementKey(i.packId, i.id), i]));
  const hits = new Map<string, StatementHit>();
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['text', 'quote', 'speaker', 'accused', 'incident', 'tags'],
    processTerm,
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      combineWith: 'AND',
      boost: { speaker: 2, incident: 1.5, accused: 1.5 },
    },
  });
  const docs: Doc[] = [];
  for (const c of claims) {
    const key = statementKey(c.packId, c.id);
    if (hits.has(key)) continue;
    const incident = c.incident !== undefined ? incidentOf.get(statementKey(c.packId, c.incident)) : undefined;
    hits.set(key, hitOf(c, incident));
    docs.push({
      key,
      text: c.text,
      quote: c.quote ?? '',
      speaker: `${c.speaker} ${c.speakerActor}`,
      accused: [...c.accused, c.accuser ?? ''].join(' '),
      incident:
        incident === undefined
          ? ''
          : [
              incident.name,
              ...(incident.names?.en ?? []),
              ...(incident.names?.fr ?? []),
              ...(incident.aliases ?? []),
            ].join(' \n '),
      tags: (c.tags ?? []).join(' '),
    });
  }
  mini.addAll(docs);
  return {
    search(query, limit) {
      if (query.trim() === '') return [];
      return mini
        .search(query)
        .slice(0, limit)
        .flatMap((r) => {
          const hit = hits.get(String(r.id));
          return hit === undefined ? [] : [hit];
        });
    },
    get size() {
      return hits.size;
    },
  };
}
