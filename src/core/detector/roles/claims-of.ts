/** "les accusations de Londres", "claims by Washington": the source of the claims. */
import { CLAIM_NOUNS } from '../../lexicon';
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

/** "les accusations de Londres", "claims by Washington": the source of the claims. */
const CLAIM_SOURCE_BEFORE = rx(
  `${B}(?:${CLAIM_NOUNS})(?:\\s+[\\p{L}'-]+){0,2}?\\s*[»"”]?\\s+(?:(?:de|du|des|by|from|par|emanant de|venues? de|of)\\s+|d')(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'claims-of',
  langs: ['en', 'fr'],
  priority: 110,
  summary: '"les accusations de Londres", "claims by Washington": the source of the claims.',
  examples: [
    {
      lang: 'fr',
      text: 'Pékin a rejeté les accusations de Londres sur le piratage de la commission électorale.',
      actor: 'Londres',
      role: 'accuser',
    },
    {
      lang: 'en',
      text: 'Beijing rejected claims by Washington that it hacked the utilities.',
      actor: 'Washington',
      role: 'accuser',
    },
    { lang: 'en', text: 'Washington claims that Beijing hacked the utilities.', actor: 'Washington', role: null },
  ],
  apply: (c) =>
    !c.demonym && CLAIM_SOURCE_BEFORE.test(c.before) ? c.evidence('accuser', 1, `claims of ${c.surface}`) : null,
});
