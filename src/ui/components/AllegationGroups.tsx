import { t } from '@src/i18n';
import { actorLabel } from '@src/i18n/format';
import type { AllegationGroup } from '../popup/groups';
import { AllegationCard } from './AllegationCard';

function groupCount(n: number): string {
  return n === 1 ? t('popupGroupCountOne') : t('popupGroupCountMany', n);
}

/** The report's allegations, one section per accused actor. */
export function AllegationGroups({
  groups,
  onReveal,
  matching = false,
}: {
  groups: AllegationGroup[];
  onReveal?: (index: number) => Promise<boolean>;
  /** Counter-statements are still being looked up. */
  matching?: boolean;
}) {
  if (groups.length === 0) return null;
  return (
    <div class="groups">
      {groups.map((group, i) => {
        const id = `group-${i}`;
        return (
          <section
            key={group.accused ?? ''}
            class="group"
            aria-labelledby={id}
            data-group-accused={group.accused ?? ''}
            data-group-count={group.items.length}
          >
            <h2 id={id} class="group-title">
              <span class="group-name">
                {group.accused === null ? t('popupUnknownAccused') : actorLabel(group.accused)}
              </span>
              <span class="visually-hidden">, </span>
              <span class="group-count">{groupCount(group.items.length)}</span>
            </h2>
            <ol class="allegations">
              {group.items.map(({ allegation, index }) => (
                <li key={index}>
                  <AllegationCard allegation={allegation} index={index} onReveal={onReveal} matching={matching} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
