/** "the Russian embassy in London": the place of an organ of state, not a party. */
import { ENTITY_NOUNS } from '../../lexicon';
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

const ENTITY_IN_BEFORE = rx(`(?:${ENTITY_NOUNS})\\s+(?:in|en|a|au|at|to)\\s+(?:${DET}\\s*)?$`);

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
  ],
  apply: (c) =>
    !c.demonym && ENTITY_IN_BEFORE.test(c.before) ? c.evidence('target', 0, `${c.surface} (seat of an organ)`) : null,
});
