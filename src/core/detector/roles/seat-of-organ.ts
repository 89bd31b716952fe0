/** "the Russian embassy in London": the place of an organ of state, not a party. */
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

/** Organs posted abroad: their seat is not their state ("the Russian embassy in London"). */
const MISSION_IN_BEFORE = rx(
  `(?:embassy|embassies|ambassade|ambassades|consulate|consulat|mission|delegation|ambassador|ambassadeur|envoy|emissaire|representation|permanent representative|representant permanent)\\s+(?:in|en|a|au|at|to|aupres (?:de|du|des))\\s+(?:${DET}\\s*)?$`,
);

export default defineRule({
  id: 'seat-of-organ',
  langs: ['en', 'fr'],
  priority: 290,
  summary: '"the Russian embassy in London": the place of an organ of state, not a party.',
  examples: [
    {
      lang: 'en',
      text: 'The Chinese embassy in London denied that its hackers had targeted British MPs.',
      actor: 'London',
      role: 'target',
    },
    { lang: 'en', text: 'London denied that its hackers had targeted the embassy.', actor: 'London', role: null },
    { lang: 'en', text: 'Officials in Tallinn blamed hackers working for Moscow.', actor: 'Tallinn', role: null },
  ],
  apply: (c) =>
    !c.demonym && MISSION_IN_BEFORE.test(c.before) ? c.evidence('target', 0, `${c.surface} (seat of an organ)`) : null,
});
