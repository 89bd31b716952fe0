/** "attributed the intrusion to Russia", "imputée à l'Iran": the object of an attribution. */
import { B, DET, GENERIC_AGENT_BEFORE, rx } from '../patterns';
import { defineRule } from '../types';

/** "attribuer sans ambiguïté cette cyberattaque à l'Iran", "attributed the intrusion to Russia". */
const ATTRIBUTE_TO_BEFORE = rx(
  `${B}(?:attribut\\w*|attribu\\w*|imput\\w*|blamed|blame|blames|pinned|traced)(?:\\s+[\\p{L}\\p{N}'-]+){0,5}?\\s+(?:to|on|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

export default defineRule({
  id: 'attributed-to',
  langs: ['en', 'fr'],
  priority: 80,
  summary: '"attributed the intrusion to Russia", "imputée à l\'Iran": the object of an attribution.',
  examples: [
    {
      lang: 'en',
      text: 'London formally attributed the intrusion to China on Monday.',
      actor: 'China',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'La France a attribué sans ambiguïté cette cyberattaque à la Russie.',
      actor: 'Russie',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'China attributed nothing, and said the intrusion was a fabrication.',
      actor: 'China',
      role: null,
    },
  ],
  apply: (c) =>
    ATTRIBUTE_TO_BEFORE.test(c.before) && !GENERIC_AGENT_BEFORE.test(c.before)
      ? c.evidence('perpetrator', 3, `attributed to ${c.surface}`)
      : null,
});
