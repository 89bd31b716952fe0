/**
 * "American cyber-theft", "Pyongyang's crypto theft", "l'ingérence numérique
 * russe", "les activités cyber malveillantes de la Russie": a nationality,
 * possessive or complement on an operation noun names its author — an
 * allegation with no verb of accusing.
 */
import { MALWARE_INFECTION, OPERATION_TERMS } from '../../lexicon';
import { B, DET, E, rx } from '../patterns';
import { defineRule } from '../types';

/** Operation nouns (not the verb phrase of infecting), plus nominal forms the press uses for state operations. */
const OPERATION_NOUN = `(?:${OPERATION_TERMS.filter(([, src]) => src !== MALWARE_INFECTION)
  .map(([, src]) => src)
  .join(
    '|',
  )}|(?:crypto|cyber|digital)[- ]?thefts?|heists?|braquages?|disinformation|desinformation|interference|ingerence\\w*|tradecraft|intrusions?|operations? (?:cyber|informatiques?|numeriques?))`;
/** Words that end the noun phrase: verbs, conjunctions, prepositions, determiners. */
const NOT_MODIFIER =
  "(?!(?:is|are|was|were|has|have|had|been|be|and|or|a|ont|est|sont|et|ou|qui|que|who|which|that|par|by|with|through|via|in|on|of|the|an|to|for|from|de|des|du|d'|les|la|le|l'|un|une|pour|avec|dans|en|sur|au|aux|depuis|since)(?![\\p{L}\\p{N}]))";
const MODIFIER = `\\s+${NOT_MODIFIER}[\\p{L}-]+`;
const OPERATION_AFTER = rx(`^(?:'s?)?(?:${MODIFIER}){0,2}?[\\s-]+${OPERATION_NOUN}${E}`, 'u');
const OPERATION_BEFORE_ADJECTIVE = rx(`${B}${OPERATION_NOUN}(?:${MODIFIER})?\\s+$`, 'u');
const OPERATION_OF_BEFORE = rx(
  `${B}${OPERATION_NOUN}(?:${MODIFIER}){0,2}?\\s+(?:of|by|de|du|des|d')\\s+(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'nominal-operation',
  langs: ['en', 'fr'],
  priority: 315,
  summary:
    'A nationality, possessive or complement on an operation noun ("American cyber-theft", "l\'ingérence numérique russe") names its author.',
  examples: [
    {
      lang: 'en',
      text: '“American cyber-theft and surveillance are condemned everywhere,” Mao Ning added.',
      actor: 'American',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: "Pyongyang's crypto theft bankrolls about half of its missile programme, a White House official estimated.",
      actor: 'Pyongyang',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "L'ingérence numérique russe dans les élections moldaves a été documentée par plusieurs ONG.",
      actor: 'russe',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Les activités cyber malveillantes de la Russie inquiètent les capitales européennes.',
      actor: 'Russie',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Officials said hackers disrupted a Taiwanese power plant.', actor: 'Taiwanese', role: null },
  ],
  apply: (c) => {
    // "Britain's cyber security centre", "la police ukrainienne": an organ of state, whose verb decides.
    if (c.entity) return null;
    const nominal = c.demonym
      ? OPERATION_AFTER.test(c.after) || (c.lang === 'fr' && OPERATION_BEFORE_ADJECTIVE.test(c.before))
      : /^'s?\s/.test(c.after)
        ? OPERATION_AFTER.test(c.after)
        : OPERATION_OF_BEFORE.test(c.before);
    return nominal ? c.evidence('perpetrator', 2, `${c.surface} operation`) : null;
  },
});
