/** "a former Google engineer", "un salarié de Thales": a company named for its staff is not a party. */
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const STAFF_AFTER = rx(
  `^(?:'s)?\\s+(?:engineers?|employees?|executives?|workers?|staff|contractors?|ingenieurs?|employes?|salaries?|cadres?|sous-traitants?)${E}`,
);
const STAFF_OF_BEFORE = rx(`(?:ingenieurs?|employes?|salaries?|cadres?)\\s+(?:de|d'|du|chez)\\s+$`);

export default defineRule({
  id: 'employee-of',
  langs: ['en', 'fr'],
  priority: 45,
  summary: 'A company named for its staff ("a former Google engineer", "un salarié de Thales") is not a party.',
  examples: [
    {
      lang: 'en',
      text: 'US prosecutors charged a former Google engineer with stealing trade secrets for Chinese firms.',
      actor: 'Google',
      role: 'target',
    },
    { lang: 'en', text: 'Google said Chinese hackers had stolen source code.', actor: 'Google', role: null },
  ],
  apply: (c) =>
    c.mention.kind === 'organisation' && (STAFF_AFTER.test(c.after) || STAFF_OF_BEFORE.test(c.before))
      ? c.evidence('target', 0, `${c.surface} (employer)`)
      : null,
});
