/**
 * The lexicon's sentence-level cues, compiled once over folded text: the
 * extractor, the decision and the rules read the same expressions.
 */
import {
  ATTRIBUTION_CUES,
  CLAIM_NOUNS,
  COUNTER_CUES,
  DEFENSIVE_CUES,
  DENIAL_CUES,
  DESCRIPTION_CUES,
  ENFORCEMENT_CUES,
  GENERIC_ATTACK_VERBS,
  GENERIC_OPERATION_NOUNS,
  HEDGE_CUES,
  INCIDENT_NAMES,
  INCIDENT_VICTIMS,
  KINETIC_CUES,
  STRONG_COUNTER_CUES,
} from '../lexicon';
import { rx, words } from './patterns';

export const DENIAL_RE = rx(words(DENIAL_CUES));
export const ATTRIBUTION_RE = rx(words(ATTRIBUTION_CUES));
export const DESCRIPTION_RE = rx(words(DESCRIPTION_CUES));
export const ENFORCEMENT_RE = rx(words(ENFORCEMENT_CUES));
export const COUNTER_RE = rx(words(COUNTER_CUES));
export const STRONG_COUNTER_RE = rx(words(STRONG_COUNTER_CUES));
export const DEFENSIVE_RE = rx(words(DEFENSIVE_CUES));
export const HEDGE_RE = rx(words(HEDGE_CUES));
export const GENERIC_ATTACK_RE = rx(words(GENERIC_ATTACK_VERBS));
export const CLAIM_RE = rx(words(CLAIM_NOUNS));
export const GENERIC_OPERATION_RE = rx(words(GENERIC_OPERATION_NOUNS));
export const INCIDENT_RE = rx(words(INCIDENT_NAMES));
export const INCIDENT_VICTIM_RE = rx(words(INCIDENT_VICTIMS));
export const KINETIC_RE = rx(words(KINETIC_CUES));
