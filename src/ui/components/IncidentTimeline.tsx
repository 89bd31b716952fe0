import type { EvidenceKind } from '@core/pack/schema';
import { placeOnTimeline, type IncidentTimeline as Timeline, type TimelineEntry } from '@core/pack/timeline';
import { type MessageKey, t, uiLanguage } from '@src/i18n';
import { claimStanceLabel, formatDate } from '@src/i18n/format';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './timeline.css';

const EVIDENCE_KEYS: Record<EvidenceKind, MessageKey> = {
  attributed_by_governments: 'evidenceAttributedByGovernments',
  indicted_or_sanctioned: 'evidenceIndictedOrSanctioned',
  attributed_by_companies: 'evidenceAttributedByCompanies',
  claimed_by_perpetrator: 'evidenceClaimedByPerpetrator',
  alleged_denied_no_public_evidence: 'evidenceAllegedDenied',
  contested_by_researchers: 'evidenceContested',
  unattributed: 'evidenceUnattributed',
};

export function evidenceLabel(kind: EvidenceKind): string {
  return t(EVIDENCE_KEYS[kind]);
}

/** The incident's name in the UI language when the pack gives one. */
export function incidentName(incident: { name: string; nameFr?: string; names?: { fr: string[] } }): string {
  if (uiLanguage() !== 'fr') return incident.name;
  return incident.nameFr ?? incident.names?.fr[0] ?? incident.name;
}

/** The timeline page of an incident (an extension page). */
export function timelineHref(pack: string, id: string): string {
  return `/timeline.html?${new URLSearchParams({ pack, id }).toString()}`;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Entry({ entry, byKey, shown }: { entry: TimelineEntry; byKey: Map<string, TimelineEntry>; shown: boolean }) {
  const answered = entry.answers.map((a) => byKey.get(a.key)).filter((e): e is TimelineEntry => e !== undefined);
  return (
    <li
      class={`timeline-entry side-${entry.side} stance-${entry.stance}${shown ? ' timeline-shown' : ''}`}
      data-claim-key={entry.key}
      data-stance={entry.stance}
      data-side={entry.side}
      data-evidence={entry.evidence ? 'true' : 'false'}
    >
      <p class="timeline-when">
        <time dateTime={entry.date}>{formatDate(entry.date)}</time>
        {' · '}
        <span class="timeline-stance">{claimStanceLabel(entry.stance)}</span>
        {' · '}
        <span class="timeline-side">
          {t(entry.side === 'accused' ? 'incidentSideAccused' : 'incidentSideAccusing')}
        </span>
        {entry.evidence ? (
          <span class="timeline-evidence" title={t('incidentEvidenceClaim')}>
            {' ◆'}
            <span class="visually-hidden"> {t('incidentEvidenceClaim')}</span>
          </span>
        ) : null}
      </p>
      <p class="timeline-who">
        <cite>{entry.speaker}</cite>
      </p>
      <p class="timeline-text" lang={entry.lang}>
        {entry.text}
      </p>
      {entry.quote !== undefined ? (
        <blockquote class="timeline-quote" lang={entry.lang}>
          {entry.quote}
        </blockquote>
      ) : null}
      {answered.length > 0 ? (
        <p class="timeline-answers">
          {t('incidentAnswers')}{' '}
          {answered.map((a, i) => (
            <span key={a.key}>
              {i > 0 ? '; ' : ''}
              {a.speaker} ({formatDate(a.date)})
            </span>
          ))}
        </p>
      ) : null}
      <p class="timeline-source">
        {isWebUrl(entry.source.url) ? (
          <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
            {entry.source.publisher}
            <span class="visually-hidden"> {t('popupOpensInNewTab')}</span>
          </a>
        ) : (
          entry.source.publisher
        )}
      </p>
    </li>
  );
}

export interface TimelineViewProps {
  timeline: Timeline;
  /** Heading level of the incident's name (1 on its own page, 5 inside the popup's lists). */
  level?: 1 | 2 | 3 | 4 | 5;
  /** The allegation on the current page: placed on the timeline by the page's date (today when unknown). */
  here?: { date?: string };
  /** Statements to emphasise (those the card or popup shows for the allegation). */
  shown?: ReadonlySet<string>;
  /** Today, ISO; tests fix it. */
  today?: string;
}

/** An incident's statements in date order, its status, and where this page falls. */
export function IncidentTimelineView({ timeline, level = 4, here, shown, today }: TimelineViewProps) {
  const { incident, entries } = timeline;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const Heading = `h${level}` as keyof JSX.IntrinsicElements;
  const hereAt =
    here === undefined ? -1 : placeOnTimeline(entries, here.date, today ?? new Date().toISOString().slice(0, 10));
  const first = entries[0];
  const last = entries[entries.length - 1];
  const marker = (
    <li class="timeline-here" data-here="true" key="here">
      <p>
        <strong>
          {here?.date !== undefined ? t('incidentThisPageDated', formatDate(here.date)) : t('incidentThisPage')}
        </strong>
      </p>
    </li>
  );
  const items: JSX.Element[] = [];
  entries.forEach((e, i) => {
    if (i === hereAt) items.push(marker);
    items.push(<Entry key={e.key} entry={e} byKey={byKey} shown={shown?.has(e.key) ?? false} />);
  });
  if (hereAt === entries.length) items.push(marker);
  return (
    <section
      class="incident-timeline"
      data-incident={incident.key}
      aria-label={t('incidentTimelineOf', incidentName(incident))}
    >
      <Heading class="incident-name">{incidentName(incident)}</Heading>
      {first !== undefined && last !== undefined ? (
        <p class="incident-span">{t('incidentSpan', entries.length, formatDate(first.date), formatDate(last.date))}</p>
      ) : null}
      {incident.evidence !== undefined ? (
        <div class="incident-status" data-evidence={incident.evidence.kind}>
          <p>
            <strong>{t('incidentStatus')}:</strong> {evidenceLabel(incident.evidence.kind)}
          </p>
          {/* The pack's own words (English in the built-in data). */}
          <p class="incident-basis" lang="en">
            {incident.evidence.basis}
          </p>
          <p class="incident-note">{t('incidentStatusNote')}</p>
        </div>
      ) : null}
      <ol class="timeline">{items}</ol>
    </section>
  );
}

export type TimelineLoader = (pack: string, id: string) => Promise<Timeline | null>;

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; timeline: Timeline }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

/** Loads an incident's timeline and shows it, or says why it cannot. */
export function LoadedTimeline(
  props: { pack: string; id: string; load: TimelineLoader } & Omit<TimelineViewProps, 'timeline'>,
) {
  const { pack, id, load, ...view } = props;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load(pack, id).then(
      (timeline) => live && setState(timeline === null ? { kind: 'missing' } : { kind: 'ready', timeline }),
      (error: unknown) =>
        live && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [pack, id, load]);
  if (state.kind === 'loading')
    return (
      <p class="timeline-status" role="status">
        {t('incidentLoading')}
      </p>
    );
  if (state.kind === 'missing') return <p class="timeline-status">{t('incidentNotFound')}</p>;
  if (state.kind === 'error')
    return (
      <p class="timeline-status" role="alert">
        {t('incidentLoadFailed', state.message)}
      </p>
    );
  return <IncidentTimelineView timeline={state.timeline} {...view} />;
}
