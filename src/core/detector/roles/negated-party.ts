/** "not Russia", "et non la Chine": the actor is the one the claim is turned away from. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const NEGATED_PARTY_BEFORE = rx(`(?:,\\s*|${B})(?:not|et non|pas|non)\\s+(?:${DET}\\s*)?$`);

export default defineRule({
  id: 'negated-party',
  langs: ['en', 'fr'],
  priority: 30,
  summary: '"not Russia", "et non la Chine": the actor is the one the claim is turned away from.',
  examples: [
    {
      lang: 'en',
      text: 'The hackers worked for Iran, not Russia, according to the investigators who studied the breach.',
      actor: 'Russia',
      role: 'rejected',
    },
    {
      lang: 'en',
      text: 'The hackers worked for Iran according to the investigators who studied the breach.',
      actor: 'Iran',
      role: null,
    },
  ],
  apply: (c) => (NEGATED_PARTY_BEFORE.test(c.before) ? c.evidence('rejected', 2, `not ${c.surface}`) : null),
});
