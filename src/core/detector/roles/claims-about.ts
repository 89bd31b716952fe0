/** "accusations that Beijing…", "smears about the so-called Volt Typhoon": what the claims are about. */
import { CLAIM_NOUNS } from '../../lexicon';
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

/** "accusations that Beijing…", "claims of Russian hacking", "smears about the so-called Volt Typhoon". */
const CLAIM_CONTENT_BEFORE = rx(
  `${B}(?:${CLAIM_NOUNS}|smears?|slander|hype|so-called|pretendue?s?|soi-disant)(?:(?:\\s+[\\p{L}'-]+){0,4}?\\s+(?:that|selon lesquel\\w*|que|qu'|contre|against|visant|about|concerning|concernant|sur|portees contre|on))?\\s+(?:(?:of|de|d'|about the)\\s+)?(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,4}$`,
  'u',
);

export default defineRule({
  id: 'claims-about',
  langs: ['en', 'fr'],
  priority: 130,
  summary: '"accusations that Beijing…", "smears about the so-called Volt Typhoon": what the claims are about.',
  examples: [
    {
      lang: 'en',
      text: 'The ministry dismissed accusations that Beijing had hacked the parliament as baseless.',
      actor: 'Beijing',
      role: 'rejected',
    },
    {
      lang: 'fr',
      text: 'Moscou a balayé les accusations selon lesquelles la Russie aurait piraté ces serveurs.',
      actor: 'Russie',
      role: 'rejected',
    },
    { lang: 'en', text: 'Beijing hacked the parliament, the ministry said.', actor: 'Beijing', role: null },
  ],
  apply: (c) => (CLAIM_CONTENT_BEFORE.test(c.before) ? c.evidence('rejected', 2, `claims about ${c.surface}`) : null),
});
