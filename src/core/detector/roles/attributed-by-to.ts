/** "attributed by Microsoft to China": the object after the attribution's source. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const ATTRIBUTED_BY_TO_BEFORE = rx(
  `${B}(?:attribut\\w*|attribue\\w*|blamed|pinned|imput\\w*|traced)\\s+(?:by|par)\\s+[^,;]{1,60}?\\s+(?:to|on|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

export default defineRule({
  id: 'attributed-by-to',
  langs: ['en', 'fr'],
  priority: 100,
  summary: '"attributed by Microsoft to China": the object after the attribution\'s source.',
  examples: [
    {
      lang: 'en',
      text: 'The campaign, attributed by Microsoft to Iran, hit water utilities.',
      actor: 'Iran',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'The outage was blamed by Kyiv on Russia within hours.', actor: 'Russia', role: 'perpetrator' },
    { lang: 'en', text: 'The campaign hit water utilities in Iran.', actor: 'Iran', role: null },
  ],
  apply: (c) =>
    ATTRIBUTED_BY_TO_BEFORE.test(c.before) ? c.evidence('perpetrator', 3, `attributed to ${c.surface}`) : null,
});
