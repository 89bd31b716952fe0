/** "the real cyber aggressor is Israel", "le véritable agresseur, c'est Washington": a counter-accusation's culprit. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

/** "the real cyber aggressor in the region was Israel", "le véritable agresseur, c'est Washington". */
const REAL_CULPRIT_BEFORE = rx(
  `${B}(?:the real|the true|the actual|le veritable|la veritable|le vrai|la vraie|the biggest|the greatest|le plus grand|la plus grande)\\s+(?:[\\p{L}-]+\\s+){0,6}?(?:is|was|are|were|est|etait|sont|c'est|ce sont|remains?)\\s+(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'real-culprit',
  langs: ['en', 'fr'],
  priority: 200,
  summary:
    '"the real cyber aggressor is Israel", "le véritable agresseur, c\'est Washington": a counter-accusation\'s culprit.',
  examples: [
    {
      lang: 'en',
      text: 'The real cyber aggressor in the region is Israel, the Iranian minister told reporters.',
      actor: 'Israel',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Tehran said Israel was hit by a cyber aggressor.', actor: 'Israel', role: null },
  ],
  apply: (c) =>
    REAL_CULPRIT_BEFORE.test(c.before) ? c.evidence('perpetrator', 3, `cleft: the real culprit is ${c.surface}`) : null,
});
