/**
 * Page context for matching. An allegation whose sentence names no accuser
 * ("Ces rapports ont révélé… les cyberattaques menées par les Etats-Unis")
 * usually has the accuser of the page's other allegations against the same
 * accused. Matching uses that to tell the other side from the same side; the
 * allegation itself keeps `accuser: null`, since the sentence does not say.
 */
import type { Allegation } from '../types';

/** For each allegation, the accuser to match with: its own, else the page's most frequent one for that accused. */
export function inferAccusers(allegations: readonly Pick<Allegation, 'accused' | 'accuser'>[]): Array<string | null> {
  const votes = new Map<string, Map<string, number>>();
  for (const a of allegations) {
    if (a.accused === null || a.accuser === null || a.accuser === a.accused) continue;
    const byAccuser = votes.get(a.accused) ?? new Map<string, number>();
    byAccuser.set(a.accuser, (byAccuser.get(a.accuser) ?? 0) + 1);
    votes.set(a.accused, byAccuser);
  }
  return allegations.map((a) => {
    if (a.accuser !== null || a.accused === null) return a.accuser;
    const byAccuser = votes.get(a.accused);
    if (byAccuser === undefined) return null;
    let best: string | null = null;
    let n = 0;
    for (const [accuser, count] of byAccuser) {
      if (count > n) {
        best = accuser;
        n = count;
      }
    }
    return best;
  });
}
