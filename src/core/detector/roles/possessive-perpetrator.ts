/** "Russia's hackers", "Iran's cyber army": the owner of perpetrators. */
import { PERPETRATOR_NOUNS } from '../../lexicon';
import { E, POSSESSIVE_ENTITY_AFTER, rx } from '../patterns';
import { defineRule } from '../types';

const POSSESSIVE_PERP_AFTER = rx(
  `^'s?\\s+(?:own\\s+)?["«]?\\s*(?:[\\p{L}-]+\\s+){0,2}?(?:${PERPETRATOR_NOUNS})${E}`,
  'u',
);

export default defineRule({
  id: 'possessive-perpetrator',
  langs: ['en', 'fr'],
  priority: 170,
  summary: '"Russia\'s hackers", "Iran\'s cyber army": the owner of perpetrators.',
  examples: [
    {
      lang: 'en',
      text: "Investigators said Iran's hackers had tampered with the water controllers.",
      actor: 'Iran',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: "Investigators said Iran's foreign ministry had denied the hacking.",
      actor: 'Iran',
      role: null,
    },
  ],
  apply: (c) =>
    POSSESSIVE_PERP_AFTER.test(c.after) && !POSSESSIVE_ENTITY_AFTER.test(c.after) && c.mention.kind !== 'organisation'
      ? c.evidence('perpetrator', 3, `${c.surface}'s operatives`)
      : null,
});
