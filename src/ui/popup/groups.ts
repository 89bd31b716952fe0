import type { ScanAllegation } from '@src/messaging/protocol';

/** An allegation with its position in the tab's report (what `reveal` needs). */
export interface IndexedAllegation {
  allegation: ScanAllegation;
  /** Position in `report.allegations`, not in the group. */
  index: number;
}

export interface AllegationGroup {
  /** Actor id ("CN", "APT28"), or null for allegations that name no accused. */
  accused: string | null;
  items: IndexedAllegation[];
}

/**
 * Groups a report's allegations by accused actor: the most accused first
 * (ties in order of first appearance on the page), allegations naming no
 * accused in a last group. Within a group, page order.
 */
export function groupByAccused(allegations: readonly ScanAllegation[]): AllegationGroup[] {
  const named = new Map<string, IndexedAllegation[]>();
  const unnamed: IndexedAllegation[] = [];
  allegations.forEach((allegation, index) => {
    const accused = allegation.accused;
    if (accused === null || accused === '') {
      unnamed.push({ allegation, index });
      return;
    }
    const items = named.get(accused);
    if (items) items.push({ allegation, index });
    else named.set(accused, [{ allegation, index }]);
  });
  // Map keeps insertion order, i.e. first appearance; the sort is stable.
  const groups: AllegationGroup[] = [...named].map(([accused, items]) => ({ accused, items }));
  groups.sort((a, b) => b.items.length - a.items.length);
  if (unnamed.length > 0) groups.push({ accused: null, items: unnamed });
  return groups;
}
