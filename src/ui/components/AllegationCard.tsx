import type { Allegation } from '@core/types';
import { actorLabel, stanceLabel } from '../format';

interface Props {
  allegation: Allegation;
  index: number;
}

export function AllegationCard({ allegation, index }: Props) {
  const headingId = `allegation-${index}`;
  return (
    <article
      class={`allegation stance-${allegation.stance}`}
      aria-labelledby={headingId}
      data-accused={allegation.accused ?? ''}
      data-stance={allegation.stance}
    >
      <h2 id={headingId} class="allegation-title">
        {stanceLabel(allegation.stance)}
        {allegation.hedged ? <span class="hedged"> (hedged)</span> : null}
      </h2>
      <blockquote class="allegation-text">{allegation.text}</blockquote>
      <dl class="allegation-facts">
        <div>
          <dt>Accused</dt>
          <dd data-field="accused">{actorLabel(allegation.accused)}</dd>
        </div>
        <div>
          <dt>Accuser</dt>
          <dd data-field="accuser">{actorLabel(allegation.accuser)}</dd>
        </div>
      </dl>
    </article>
  );
}
