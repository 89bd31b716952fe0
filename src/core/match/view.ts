/**
 * The serialisable view of a counter-statement: what the background sends to
 * the page and the popup, and what the CLI prints (a subset).
 */
import type { ClaimStance, Incident } from '../pack/schema';
import type { CounterStatement, MatchRelation } from './match';

export interface CounterStatementView {
  /** The claim's database key, `${packId}/${claim id}`. */
  id: string;
  text: string;
  speaker: string;
  /** Actor id of the speaker ("CN", "Microsoft"). */
  speakerActor: string;
  /** The claim's own stance (denial, attribution…). */
  stance: ClaimStance;
  /** How it relates to the allegation, from the reader's side. */
  relation: MatchRelation;
  /** Short, human-readable reason ("denial by the accused (CN)"). */
  why: string;
  /** ISO date of the statement. */
  date: string;
  lang: string;
  source: { url: string; publisher: string; title?: string };
  score: number;
  /**
   * The incident the statement belongs to: its id in its pack, the pack, and the
   * English name as the press uses it ("Sony Pictures hack (2014)"); null when
   * the statement names none.
   */
  incident: IncidentRef | null;
}

export interface IncidentRef {
  id: string;
  pack: string;
  name: string;
  /** The first French name, when the pack gives one. */
  nameFr?: string;
}

export function incidentRef(inc: Incident & { packId?: string }, packId: string): IncidentRef {
  const ref: IncidentRef = { id: inc.id, pack: inc.packId ?? packId, name: inc.name };
  const fr = inc.names?.fr[0];
  if (fr !== undefined) ref.nameFr = fr;
  return ref;
}

export function counterStatementView(s: CounterStatement): CounterStatementView {
  const c = s.claim;
  const source: CounterStatementView['source'] = { url: c.source.url, publisher: c.source.publisher };
  if (c.source.title !== undefined) source.title = c.source.title;
  return {
    id: c.key,
    text: c.text,
    speaker: c.speaker,
    speakerActor: c.speakerActor,
    stance: c.stance,
    relation: s.relation,
    why: s.why,
    date: c.date,
    lang: c.lang,
    source,
    score: s.score,
    incident: s.incident !== undefined ? incidentRef(s.incident, c.packId) : null,
  };
}
