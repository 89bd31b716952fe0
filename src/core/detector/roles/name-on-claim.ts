/** "the US indictment", "Washington's accusations": a state name owning a claim noun. */
import { CLAIM_NOUNS } from '../../lexicon';
import { E, rx } from '../patterns';
import { defineRule } from '../types';

/** "the US indictment", "la plainte de": a state name on a claim noun. */
const NAME_CLAIM_AFTER = rx(`^(?:-(?:led|backed|driven|inspired)|\\s+[\\p{L}-]+)?\\s+(?:${CLAIM_NOUNS})${E}`, 'u');

export default defineRule({
  id: 'name-on-claim',
  langs: ['en', 'fr'],
  priority: 120,
  summary: '"the US indictment", "Washington\'s accusations": a state name owning a claim noun.',
  examples: [
    {
      lang: 'en',
      text: 'China called the US indictment of its hackers a political smear.',
      actor: 'US',
      role: 'accuser',
    },
    { lang: 'en', text: 'China said the US hacked its universities.', actor: 'US', role: null },
  ],
  apply: (c) =>
    !c.demonym &&
    (/(?:the|la|le|les|l')\s+$/.test(c.before) ||
      /^\s+(?:accusations|allegations|indictments?|assessments?|attributions?)\b/.test(c.after)) &&
    NAME_CLAIM_AFTER.test(c.after) &&
    // "la Chine mise en cause": a participle, not "the claims of China".
    !/^\s+mise?s?\s+en\s+cause/.test(c.after)
      ? c.evidence('accuser', 1, `${c.surface} claims`)
      : null,
});
