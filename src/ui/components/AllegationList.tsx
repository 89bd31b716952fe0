import type { Allegation } from '@core/types';
import { AllegationCard } from './AllegationCard';

export function AllegationList({ allegations }: { allegations: Allegation[] }) {
  if (allegations.length === 0) return null;
  return (
    <ol class="allegations" aria-label="Allegations">
      {allegations.map((allegation, i) => (
        <li key={`${allegation.start}-${allegation.end}`}>
          <AllegationCard allegation={allegation} index={i} />
        </li>
      ))}
    </ol>
  );
}
