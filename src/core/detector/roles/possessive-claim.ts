/** "Beijing's claim", "Washington's allegations": the owner of a claim. */
import { CLAIM_NOUNS } from '../../lexicon';
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const POSSESSIVE_CLAIM_AFTER = rx(`^'s?\\s+(?:[\\p{L}-]+\\s+){0,1}?(?:${CLAIM_NOUNS})${E}`, 'u');

export default defineRule({
  id: 'possessive-claim',
  langs: ['en', 'fr'],
  priority: 150,
  summary: '"Beijing\'s claim", "Washington\'s allegations": the owner of a claim.',
  examples: [
    {
      lang: 'en',
      text: "Moscow rejected Washington's allegations of election hacking as absurd.",
      actor: 'Washington',
      role: 'accuser',
    },
    {
      lang: 'en',
      text: "Washington's hackers were behind the intrusion, Beijing said.",
      actor: 'Washington',
      role: null,
    },
  ],
  apply: (c) => (POSSESSIVE_CLAIM_AFTER.test(c.after) ? c.evidence('accuser', 1, `${c.surface}'s claim`) : null),
});
