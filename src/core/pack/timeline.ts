/**
 * An incident's controversy as it unfolded: its statements in date order
 * (accusation → denial → counter-accusation → indictment …), each with who
 * said it, the stance, the source and which earlier statements it answers,
 * plus the incident's evidence status. What the popup, the card's report view
 * and the timeline page show; built from pack data alone. Pure.
 */
import type { Claim, ClaimStance, Incident, IncidentEvidence, RelationType } from './schema';

export interface TimelineEntry {
  /** The claim's database key, `${packId}/${claim id}`. */
  key: string;
  date: string;
  speaker: string;
  speakerActor: string;
  stance: ClaimStance;
  /** Which side of the controversy speaks: the accused (or the state behind it) or the others. */
  side: 'accusing' | 'accused';
  text: string;
  quote?: string;
  lang: string;
  source: { url: string; publisher: string; title?: string };
  /** The earlier statements this one answers (denies, counter-accuses, fact-checks…). */
  answers: { key: string; type: RelationType }[];
  /** Whether the incident's evidence status rests on this statement. */
  evidence: boolean;
}

export interface IncidentTimeline {
  incident: {
    /** `${packId}/${incident id}`. */
    key: string;
    id: string;
    pack: string;
    name: string;
    names?: { en: string[]; fr: string[] };
    startDate: string;
    endDate?: string;
    summary: string;
    evidence?: IncidentEvidence;
  };
  entries: TimelineEntry[];
  /** The accused parties (states where known), from the incident's accusations. */
  accused: string[];
}

export interface TimelineClaim extends Claim {
  key: string;
}

export interface TimelineRelation {
  /** Claim keys. */
  from: string;
  to: string;
  type: RelationType;
}

/** On one day, an accusation comes before the denial that answers it. */
const STANCE_ORDER: Record<ClaimStance, number> = {
  accusation: 0,
  attribution: 1,
  denial: 2,
  counter_accusation: 3,
  fact_check: 4,
  context: 5,
};

const ACCUSING = new Set<ClaimStance>(['accusation', 'attribution']);

export function buildTimeline(
  incident: Incident & { packId: string },
  claims: readonly TimelineClaim[],
  relations: readonly TimelineRelation[],
  stateOf: (id: string) => string | undefined,
): IncidentTimeline {
  const own = claims.filter((c) => c.incident === incident.id);
  const keys = new Set(own.map((c) => c.key));
  const party = (id: string) => stateOf(id) ?? id;
  const accused = new Set(own.filter((c) => ACCUSING.has(c.stance)).flatMap((c) => c.accused.map(party)));
  const evidence = new Set(incident.evidence?.claims ?? []);
  const answers = new Map<string, { key: string; type: RelationType }[]>();
  for (const r of relations) {
    if (!keys.has(r.from) || !keys.has(r.to)) continue;
    const list = answers.get(r.from) ?? [];
    if (!list.some((a) => a.key === r.to && a.type === r.type)) list.push({ key: r.to, type: r.type });
    answers.set(r.from, list);
  }
  const entries = own
    .map((c): TimelineEntry => {
      const entry: TimelineEntry = {
        key: c.key,
        date: c.date,
        speaker: c.speaker,
        speakerActor: c.speakerActor,
        stance: c.stance,
        side: accused.has(party(c.speakerActor)) ? 'accused' : 'accusing',
        text: c.text,
        lang: c.lang,
        source: { ...c.source },
        answers: answers.get(c.key) ?? [],
        evidence: evidence.has(c.id),
      };
      if (c.quote !== undefined) entry.quote = c.quote;
      return entry;
    })
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] || a.key.localeCompare(b.key),
    );
  const { packId, id, name, names, startDate, endDate, summary, evidence: status } = incident;
  return {
    incident: {
      key: `${packId}/${id}`,
      id,
      pack: packId,
      name,
      ...(names !== undefined ? { names } : {}),
      startDate,
      ...(endDate !== undefined ? { endDate } : {}),
      summary,
      ...(status !== undefined ? { evidence: status } : {}),
    },
    entries,
    accused: [...accused].sort(),
  };
}

/**
 * Where a page dated `date` falls among the entries: the index of the first
 * entry after it (entries.length when it is the latest). Undated pages are
 * read today, so they fall after every statement made so far.
 */
export function placeOnTimeline(entries: readonly { date: string }[], date: string | undefined, today: string): number {
  const at = date ?? today;
  const i = entries.findIndex((e) => e.date > at);
  return i === -1 ? entries.length : i;
}

/** How old the controversy is, for "settled long ago or fresh and disputed?" at a glance. */
export function timelineSpan(entries: readonly { date: string }[]): { first: string; last: string } | null {
  const first = entries[0];
  const last = entries[entries.length - 1];
  return first === undefined || last === undefined ? null : { first: first.date, last: last.date };
}
