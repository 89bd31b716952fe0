import { t } from '@src/i18n';
import { claimStanceLabel, formatDate, relationLabel } from '@src/i18n/format';
import type { CounterStatementView } from '@src/messaging/protocol';
import { useState } from 'preact/hooks';
import { incidentName, LoadedTimeline, type TimelineLoader, timelineHref } from './IncidentTimeline';
import { loadTimeline } from './timeline-loader';

/** Only web addresses become links (pack data is validated, this is a second guard). */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The incident a statement belongs to: its name, and its timeline on demand (here, or on its own page). */
function IncidentOf({
  statement,
  shown,
  load,
}: {
  statement: CounterStatementView;
  shown: ReadonlySet<string>;
  load: TimelineLoader;
}) {
  const [open, setOpen] = useState(false);
  const incident = statement.incident;
  if (incident === null) return null;
  return (
    <details
      class="counter-incident"
      data-incident={`${incident.pack}/${incident.id}`}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {t('incidentPartOf', incidentName(incident))} · {t('incidentTimeline')}
      </summary>
      {open ? (
        <LoadedTimeline pack={incident.pack} id={incident.id} load={load} level={5} here={{}} shown={shown} />
      ) : null}
      <p class="timeline-page-link">
        <a href={timelineHref(incident.pack, incident.id)} target="_blank" rel="noopener">
          {t('incidentOpenTimeline')}
        </a>
      </p>
    </details>
  );
}

function CounterStatement({
  statement,
  shown,
  load,
}: {
  statement: CounterStatementView;
  shown: ReadonlySet<string>;
  load: TimelineLoader;
}) {
  const { source } = statement;
  const sourceText = source.title ? `${source.publisher}: ${source.title}` : source.publisher;
  return (
    <li
      class={`counter relation-${statement.relation}`}
      data-claim-id={statement.id}
      data-relation={statement.relation}
    >
      <p class="counter-kind">
        <span class="relation">{relationLabel(statement.relation)}</span>{' '}
        <span class="claim-stance">({claimStanceLabel(statement.stance)})</span>
      </p>
      <p class="counter-who">
        <cite class="speaker">{statement.speaker}</cite>,{' '}
        <time dateTime={statement.date}>{formatDate(statement.date)}</time>
      </p>
      {/* The matcher writes its reasons in English. */}
      <p class="why" lang="en">
        {statement.why}
      </p>
      <details class="counter-text">
        <summary>{t('popupStatement')}</summary>
        <p lang={statement.lang}>{statement.text}</p>
      </details>
      <p class="source">
        {t('popupSource')}{' '}
        {isWebUrl(source.url) ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {sourceText}
            <span class="visually-hidden"> {t('popupOpensInNewTab')}</span>
          </a>
        ) : (
          <span>{sourceText}</span>
        )}
      </p>
      <IncidentOf statement={statement} shown={shown} load={load} />
    </li>
  );
}

/** An allegation's counter-statements, in the order the matcher ranked them. */
export function CounterStatementList({
  statements,
  id,
  matching = false,
  load = loadTimeline,
}: {
  statements: CounterStatementView[];
  id: string;
  matching?: boolean;
  /** Where incident timelines come from (the background; tests pass their own). */
  load?: TimelineLoader;
}) {
  const shown = new Set(statements.map((s) => s.id));
  return (
    <section class="others" aria-labelledby={id}>
      <h4 id={id} class="others-title">
        {t('popupOtherSides', statements.length)}
      </h4>
      {statements.length === 0 ? (
        <p class="none">{t(matching ? 'cardLoading' : 'popupNoCounterStatements')}</p>
      ) : (
        <ol class="counter-statements">
          {statements.map((statement) => (
            <CounterStatement key={statement.id} statement={statement} shown={shown} load={load} />
          ))}
        </ol>
      )}
    </section>
  );
}
