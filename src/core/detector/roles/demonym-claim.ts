/** "British accusations", "les accusations américaines": a nationality on a claim noun names its source. */
import { CLAIM_NOUNS } from '../../lexicon';
import { CLAIM_AFTER_DEMONYM, rx } from '../patterns';
import { defineRule } from '../types';

const CLAIM_BEFORE_DEMONYM = rx(`(?:${CLAIM_NOUNS})\\s+$`);

export default defineRule({
  id: 'demonym-claim',
  langs: ['en', 'fr'],
  priority: 140,
  summary: '"British accusations", "les accusations américaines": a nationality on a claim noun names its source.',
  examples: [
    {
      lang: 'en',
      text: 'Beijing rejected the British accusations of hacking as groundless.',
      actor: 'British',
      role: 'accuser',
    },
    { lang: 'en', text: 'British hackers were not involved in the intrusion.', actor: 'British', role: null },
  ],
  apply: (c) =>
    c.demonym && (CLAIM_AFTER_DEMONYM.test(c.after) || CLAIM_BEFORE_DEMONYM.test(c.before))
      ? c.evidence('accuser', 1, `${c.surface} claims`)
      : null,
});
