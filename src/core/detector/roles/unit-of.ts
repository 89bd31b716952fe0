/** "APT28, a unit of Russia's GRU", "l'unité 74455 du GRU": the group belongs to that state. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

/** "APT28, a unit of Russia's GRU", "Sandworm, l'unité 74455 du GRU": the group belongs to the state. */
const UNIT_OF_BEFORE = rx(
  `${B}(?:units?|branch|division|team|arm|front|proxy|part|unites?|branche|bras arme|emanation|faux-nez|groupe|group)(?:\\s+[\\p{L}\\p{N}'-]+){0,3}?\\s+(?:of|for|de|du|des|d')\\s+(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'unit-of',
  langs: ['en', 'fr'],
  priority: 90,
  summary: '"APT28, a unit of Russia\'s GRU", "l\'unité 74455 du GRU": the group belongs to that state.',
  examples: [
    {
      lang: 'en',
      text: "Sandworm, a unit of Russia's military intelligence, hacked the grid.",
      actor: 'Russia',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'The intrusion was detected by a unit that protects France.', actor: 'France', role: null },
  ],
  apply: (c) => (UNIT_OF_BEFORE.test(c.before) ? c.evidence('perpetrator', 3, `unit of ${c.surface}`) : null),
});
