/**
 * Builds the view of one actor mention that role rules read: windows of
 * folded text around it and the facts several rules share, computed once.
 */
import type { ActorMention } from '../actors/gazetteer';
import type { Term } from '../nlp';
import type { Lang } from '../types';
import {
  B,
  DET,
  ENTITY_AFTER_DEMONYM,
  ENTITY_BEFORE_DEMONYM,
  ENTITY_OF_BEFORE,
  MEASURES_AGAINST_BEFORE,
  OPERATION_ANY,
  POSSESSIVE_ENTITY_AFTER,
  rx,
  TARGET_A_FR,
  TARGET_BEFORE,
} from './patterns';
import type { MentionContext, Role, RoleEvidence } from './types';
import { hasVerbAfter } from './verbs';

const SPEAKERS_IN_BEFORE = rx(
  `(?:officials?|authorities|police|prosecutors?|investigators?|ministers?|lawmakers|government|diplomats|responsables?|autorites|enqueteurs|procureurs?|ministres?|gouvernement|diplomates|dirigeants|leaders)\\s+(?:in|en|a|au|at)\\s+$`,
);

export function mentionContext(
  mention: ActorMention,
  f: string,
  terms: readonly Term[],
  hasOperation: boolean,
  lang: Lang,
): MentionContext {
  // "rattaché, selon eux, au GRU": parenthetical attributions do not break a construction.
  const before = f
    .slice(Math.max(0, mention.start - 120), mention.start)
    .replace(
      /,?\s*\b(?:selon (?:eux|elle|elles|lui|nous)|according to (?:them|it|him|her)|(?:it|they|he|she) said)\b\s*,?/g,
      ' ',
    );
  const after = f.slice(mention.end, mention.end + 130);
  const demonym = mention.form === 'demonym';
  const measuresAgainst = MEASURES_AGAINST_BEFORE.test(before);
  // "officials in Tallinn", "les autorités à Kiev": where the speakers sit, not a victim.
  const seatOfSpeakers = SPEAKERS_IN_BEFORE.test(before);
  const isTarget =
    !measuresAgainst &&
    !seatOfSpeakers &&
    (mention.kind === 'group'
      ? /(?:against|targeting|contre|visant|ciblant)\s+(?:\S+\s+){0,3}$/.test(before)
      : TARGET_BEFORE.test(before) || (lang === 'fr' && TARGET_A_FR.test(before)));
  let entity: boolean | undefined;
  return {
    mention,
    surface: mention.surface,
    f,
    before,
    after,
    terms,
    hasOperation,
    lang,
    demonym,
    verbAfter: hasVerbAfter(terms, mention.end),
    measuresAgainst,
    isTarget,
    get entity() {
      entity ??=
        (demonym && (ENTITY_AFTER_DEMONYM.test(after) || ENTITY_BEFORE_DEMONYM.test(before))) ||
        POSSESSIVE_ENTITY_AFTER.test(after) ||
        (!demonym && ENTITY_OF_BEFORE.test(before)) ||
        mention.kind === 'agency' ||
        mention.kind === 'person' ||
        seatOfSpeakers;
      return entity;
    },
    evidence: (role: Role, strength: number, reason: string, isEntity = false): RoleEvidence => ({
      mention,
      role,
      strength,
      rule: '',
      reason,
      entity: isEntity,
    }),
  };
}

/** Speech verb before a mention, with no other verb in between: "said X", ", a déclaré mercredi X". */
export function speakerBefore(re: RegExp, terms: readonly Term[], before: string, at: number): boolean {
  const m = re.exec(before);
  if (m === null) return false;
  const from = at - before.length + m.index;
  // The speech verb itself is the one full verb allowed between the match and the mention.
  const verbs = terms.filter(
    (t) => t.start >= from && t.end <= at && t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula'),
  );
  return verbs.length <= 1;
}

const AGENT_PARTICIPLE_BEFORE = rx(
  `${B}(?:conducted|carried out|orchestrated|launched|perpetrated|done|run|operated|mounted|staged|committed|executed|engineered|masterminded|sponsored|backed|directed|built|written|developed|designed|created|selected|chosen|deployed|sent|menee?s?|realisee?s?|commise?s?|orchestree?s?|perpetree?s?|lancee?s?|conduite?s?|pilotee?s?|commanditee?s?|effectuee?s?|faite?s?|concue?s?|developpee?s?|creee?s?|selectionnee?s?|choisie?s?|deployee?s?|envoyee?s?)\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,4}?(?:by|par)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

/** An operation (or an attack participle) just before a mention, within the same phrase. */
export function opNear(f: string, from: number, to: number): boolean {
  let window = f.slice(Math.max(0, from), Math.max(0, to));
  const cut = Math.max(...[',', ';', ':', '«', '»', '"', '(', ')'].map((c) => window.lastIndexOf(c)));
  if (cut >= 0) window = window.slice(cut + 1);
  return OPERATION_ANY.test(window) || AGENT_PARTICIPLE_BEFORE.test(window);
}
