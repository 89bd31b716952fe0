/**
 * Index keys computed from a claim: the search terms behind `claims.*terms`
 * and the actor ids behind `claims.*actorKeys`. Pure, so the matcher, the
 * library search and the database compute the same keys.
 */

import { normaliseTerms } from '@core/match/terms';
import type { Claim } from '@core/pack/schema';

/**
 * The search terms of a piece of text, as the matcher computes them
 * (folded, stop words dropped, English and French cyber vocabulary mapped to
 * shared concepts), each term once. Use it on a query to look terms up in
 * `claims.*terms` or `saved.*terms`.
 */
export function termsOf(...texts: readonly string[]): string[] {
  return normaliseTerms(texts.join(' \n '));
}

/** The `*terms` index keys of a claim: the terms of its text, speaker and targets. */
export function claimTerms(claim: Pick<Claim, 'text' | 'speaker' | 'targets'>): string[] {
  return termsOf(claim.text, claim.speaker, ...claim.targets);
}

/** The state sponsoring a threat group, or undefined for anything that is not a group or has no known sponsor. */
export type SponsorOf = (actorId: string) => string | undefined;

/**
 * The `*actorKeys` index keys of a claim: every actor id it involves
 * (accused, accuser, speaker), each once, then the sponsor state of each
 * group among them, so that asking for "CN" also finds claims about APT31.
 * Ids are kept as written; the matcher passes them the same way.
 */
export function claimActorKeys(
  claim: Pick<Claim, 'accused' | 'accuser' | 'speakerActor'>,
  sponsorOf: SponsorOf = () => undefined,
): string[] {
  const ids = new Set<string>(claim.accused);
  if (claim.accuser !== null) ids.add(claim.accuser);
  ids.add(claim.speakerActor);
  const keys = new Set(ids);
  for (const id of ids) {
    const state = sponsorOf(id);
    if (state !== undefined) keys.add(state);
  }
  return [...keys];
}
