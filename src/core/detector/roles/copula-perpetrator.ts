/** "the United States is the biggest hacker", "la Russie reste la principale cybermenace". */
import { PERPETRATOR_NOUNS } from '../../lexicon';
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const COPULA_PERP_AFTER = rx(
  `^(?:'s)?(?:,\\s*(?:and\\s+|et\\s+)?(?:not|non|pas)\\s+[^,]{1,30},)?\\s+(?:is|are|was|were|remains?|remained|has become|behaves? as|acts? as|is acting as|se comporte comme|agit comme|est|restait|etait reste|sont|reste|restent|demeure|demeurent|serait|seraient|etait|etaient|devient)\\s+(?!(?:\\w+\\s+)?(?:against|opposed|contre|opposee?s?)\\s)(?:[\\p{L}'"“”«»-]+,?\\s+){0,7}?(?:hack\\w*|pirat\\w*|cyber\\w*|espion\\w*|spy\\w*|${PERPETRATOR_NOUNS})${E}`,
  'u',
);

export default defineRule({
  id: 'copula-perpetrator',
  langs: ['en', 'fr'],
  priority: 260,
  summary: '"the United States is the biggest hacker", "la Russie reste la principale cybermenace".',
  examples: [
    {
      lang: 'en',
      text: "Beijing says the United States is the world's biggest hacker.",
      actor: 'United States',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'The United States said Beijing hacked its utilities.', actor: 'United States', role: null },
  ],
  apply: (c) =>
    !c.demonym && COPULA_PERP_AFTER.test(c.after) ? c.evidence('perpetrator', 2, `${c.surface} is the hacker`) : null,
});
