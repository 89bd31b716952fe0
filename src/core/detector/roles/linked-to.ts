/** "linked to Beijing", "lié au GRU", "working for the MSS": a link to the actor behind. */
import { LINK_CUES } from '../../lexicon';
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const LINK_SPECIFIC_BEFORE = rx(
  `${B}(?:${LINK_CUES.split('|')
    .filter((c) => c !== 'by' && c !== 'par')
    .join('|')})(?:\\s*,\\s*(?:or|and|ou|et)\\s+[^,]{1,30},)?\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,3}$`,
  'u',
);

export default defineRule({
  id: 'linked-to',
  langs: ['en', 'fr'],
  priority: 230,
  summary: '"linked to Beijing", "lié au GRU", "working for the MSS": a link to the actor behind.',
  examples: [
    {
      lang: 'en',
      text: 'A hacking group linked to Beijing breached the networks of several telecom operators.',
      actor: 'Beijing',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Un groupe de pirates lié au GRU a visé des ministères français.',
      actor: 'GRU',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Beijing breached the networks of several telecom operators.', actor: 'Beijing', role: null },
  ],
  apply: (c) => (LINK_SPECIFIC_BEFORE.test(c.before) ? c.evidence('perpetrator', 3, `linked to ${c.surface}`) : null),
});
