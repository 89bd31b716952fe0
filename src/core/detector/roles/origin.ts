/** "hackers from North Korea", "des pirates basés en Chine": where the perpetrators come from. */
import { PERPETRATOR_NOUNS } from '../../lexicon';
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

const ORIGIN_BEFORE = rx(
  `(?:${PERPETRATOR_NOUNS})(?:\\s+[\\p{L}-]+)?\\s+(?:from|based in|operating from|operating out of|in|de|du|des|basee?s? en|bases? en|base au|originaires? d[eu']|depuis)\\s+(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'origin',
  langs: ['en', 'fr'],
  priority: 180,
  summary: '"hackers from North Korea", "des pirates basés en Chine": where the perpetrators come from.',
  examples: [
    {
      lang: 'en',
      text: 'Hackers operating from North Korea stole the cryptocurrency in a single night.',
      actor: 'North Korea',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Hackers stole cryptocurrency worth millions from an exchange in North Korea.',
      actor: 'North Korea',
      role: null,
    },
  ],
  apply: (c) =>
    c.mention.kind !== 'person' && ORIGIN_BEFORE.test(c.before)
      ? c.evidence('perpetrator', 3, `hackers from ${c.surface}`)
      : null,
});
