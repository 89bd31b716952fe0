/** "it is the United States that…", "c'est Washington qui…": a cleft names the culprit. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const CLEFT_BEFORE = rx(
  `${B}(?:c'est|ce sont|ce serait|c'etait|it is|it's|it was|is in fact|est en fait|that it was|que c'est|que c'etait)\\s+(?:${DET}\\s*)?$`,
);

export default defineRule({
  id: 'cleft',
  langs: ['en', 'fr'],
  priority: 220,
  summary: '"it is the United States that…", "c\'est Washington qui…": a cleft names the culprit.',
  examples: [
    {
      lang: 'fr',
      text: "En réalité, c'est Washington qui mène des cyberattaques contre le monde entier.",
      actor: 'Washington',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Washington mène des cyberattaques contre le monde entier, selon Pékin.',
      actor: 'Washington',
      role: null,
    },
  ],
  apply: (c) => (CLEFT_BEFORE.test(c.before) ? c.evidence('perpetrator', 2, `cleft: it is ${c.surface}`) : null),
});
