/** "the culprits were Iranian", "les pirates seraient chinois": a nationality predicated of the perpetrators. */
import { rx } from '../patterns';
import { defineRule } from '../types';

const PERPETRATORS_WERE_BEFORE = rx(
  `(?:culprits?|hackers?|attackers?|perpetrators?|intruders?|auteurs?|pirates?|hackeurs?|coupables?|attaquants?|(?:compromise|breach|intrusion|attack|hack|campaign|operation|attaque|intrusion|campagne|operation|piratage)s?)\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:were|was|are|is|seemed|appeared|etaient|etait|sont|est|seraient|serait|semblaient|semblent)\\s+[«"“]?\\s*(?:(?:probably|likely|most likely|almost certainly|probablement|vraisemblablement|sans doute|tres probablement)\\s+)?$`,
  'u',
);

export default defineRule({
  id: 'predicate-demonym',
  langs: ['en', 'fr'],
  priority: 35,
  summary: '"The culprits were Iranian", "les pirates seraient chinois": a nationality said of the perpetrators.',
  examples: [
    {
      lang: 'en',
      text: 'The National Cyber Directorate said the culprits were Iranian.',
      actor: 'Iranian',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Norwegian police later said the hackers were probably Chinese.',
      actor: 'Chinese',
      role: 'perpetrator',
    },
    { lang: 'fr', text: 'Selon la police, les pirates seraient russes.', actor: 'russes', role: 'perpetrator' },
    { lang: 'en', text: 'The hackers targeted Chinese universities.', actor: 'Chinese', role: null },
  ],
  apply: (c) =>
    c.demonym && PERPETRATORS_WERE_BEFORE.test(c.before)
      ? c.evidence('perpetrator', 3, `the culprits were ${c.surface}`)
      : null,
});
