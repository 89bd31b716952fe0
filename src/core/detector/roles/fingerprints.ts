/**
 * "bore the fingerprints of the SVR", "the hallmarks of Chinese state
 * tradecraft", "portait la signature du GRU", "la piste nord-coréenne", "y
 * voient la main de Pékin": the trail leads to the actor.
 */
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

const TRAIL_OF_BEFORE = rx(
  `(?:fingerprints?|hallmarks?|signature|handiwork|hand|trademarks?|calling card|marque|empreinte\\w*|main|piste|traces?)\\s+(?:of|de|du|des|d')\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
/** French post-posed adjective: "la piste russe", "la main nord-coréenne". */
const TRAIL_ADJECTIVE_BEFORE = rx(`(?:piste|main|signature|marque|empreinte)\\s+$`, 'u');

export default defineRule({
  id: 'fingerprints',
  langs: ['en', 'fr'],
  priority: 236,
  summary: '"The fingerprints of the SVR", "la piste nord-coréenne": the trail of an operation leads to the actor.',
  examples: [
    {
      lang: 'en',
      text: 'British officials, too, said the SolarWinds breach bore the fingerprints of the SVR.',
      actor: 'SVR',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Piratage de Bybit : la piste nord-coréenne se précise',
      actor: 'nord-coréenne',
      role: 'perpetrator',
    },
    { lang: 'fr', text: 'Les enquêteurs y voient la main de Pékin.', actor: 'Pékin', role: 'perpetrator' },
    { lang: 'en', text: 'The SVR left its hallmarks on nothing, the agency said.', actor: 'SVR', role: null },
  ],
  apply: (c) =>
    TRAIL_OF_BEFORE.test(c.before) || (c.demonym && TRAIL_ADJECTIVE_BEFORE.test(c.before))
      ? c.evidence('perpetrator', 3, `the trail of ${c.surface}`)
      : null,
});
