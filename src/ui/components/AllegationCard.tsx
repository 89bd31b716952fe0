import { t } from '@src/i18n';
import { actionLabel, actorLabel, stanceLabel } from '@src/i18n/format';
import type { ScanAllegation } from '@src/messaging/protocol';
import { useState } from 'preact/hooks';
import { CounterStatementList } from './CounterStatementList';

interface Props {
  allegation: ScanAllegation;
  /** Position in the tab's report: what `reveal` sends, and the base of element ids. */
  index: number;
  /** Shows the allegation on the page; resolves false when the page could not. */
  onReveal?: (index: number) => Promise<boolean>;
  /** Counter-statements are still being looked up. */
  matching?: boolean;
}

export function AllegationCard({ allegation, index, onReveal, matching = false }: Props) {
  const [revealFailed, setRevealFailed] = useState(false);
  const headingId = `allegation-${index}`;
  const reveal = () => {
    if (!onReveal) return;
    setRevealFailed(false);
    onReveal(index).then(
      (ok) => setRevealFailed(!ok),
      () => setRevealFailed(true),
    );
  };
  return (
    <article
      class={`allegation stance-${allegation.stance}`}
      aria-labelledby={headingId}
      data-accused={allegation.accused ?? ''}
      data-stance={allegation.stance}
      data-index={index}
    >
      <h3 id={headingId} class="allegation-title">
        {stanceLabel(allegation.stance)}
        {allegation.hedged ? <span class="hedged"> ({t('hedged')})</span> : null}
      </h3>
      <blockquote id={`${headingId}-text`} class="allegation-text" lang={allegation.lang}>
        {allegation.text}
      </blockquote>
      <dl class="allegation-facts">
        <div class="fact fact-accuser">
          <dt>{t('popupAccuser')}</dt>
          <dd data-field="accuser">{actorLabel(allegation.accuser)}</dd>
        </div>
        <div class="fact fact-accused">
          <dt>{t('popupAccused')}</dt>
          <dd data-field="accused">{actorLabel(allegation.accused)}</dd>
        </div>
        <div class="fact">
          <dt>{t('popupAction')}</dt>
          <dd data-field="action">{actionLabel(allegation.action)}</dd>
        </div>
        {allegation.target ? (
          <div class="fact">
            <dt>{t('popupTarget')}</dt>
            <dd data-field="target" lang={allegation.lang}>
              {allegation.target}
            </dd>
          </div>
        ) : null}
      </dl>
      {onReveal ? (
        <div class="reveal-row">
          <button type="button" class="reveal" aria-describedby={`${headingId}-text`} onClick={reveal}>
            {t('popupShowOnPage')}
          </button>
          <p class="note" aria-live="polite">
            {revealFailed ? t('popupRevealFailed') : ''}
          </p>
        </div>
      ) : null}
      <CounterStatementList statements={allegation.counterStatements} id={`${headingId}-others`} matching={matching} />
    </article>
  );
}
