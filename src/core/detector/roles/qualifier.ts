/** "a Chinese power plant", "Taiwan's grid": a nationality or possessive that only qualifies a noun. */
import { rx } from '../patterns';
import { defineRule } from '../types';

const POSSESSIVE_AFTER = rx(`^'s?\\s`);
/** "NATO members", "les pays de l'UE": a collective that only qualifies its members. */
const MEMBERS_AFTER = rx(
  `^\\s+(?:members?|member (?:states|countries)|allies|partners|countries|nations|membres?|allies|partenaires|pays)(?![\\p{L}])`,
  'u',
);

export default defineRule({
  id: 'qualifier',
  langs: ['en', 'fr'],
  priority: 320,
  summary: '"a Chinese power plant", "Taiwan\'s grid": a nationality or possessive that only qualifies a noun.',
  examples: [
    {
      lang: 'en',
      text: 'Officials said hackers disrupted a Taiwanese power plant on Monday.',
      actor: 'Taiwanese',
      role: 'target',
    },
    {
      lang: 'en',
      text: "Officials said hackers disrupted Taiwan's power grid last winter.",
      actor: 'Taiwan',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'Germany, like other NATO members, routinely conducts cyber operations against Russia, the ambassador said.',
      actor: 'NATO',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'The Taiwanese government accused Beijing of hacking its grid.',
      actor: 'Taiwanese',
      role: null,
    },
  ],
  apply(c) {
    if (c.demonym && !c.entity) return c.evidence('target', 1, `${c.surface} (qualifier)`);
    if (!c.entity && POSSESSIVE_AFTER.test(c.after)) return c.evidence('target', 1, `${c.surface}'s (qualifier)`);
    if (c.mention.kind === 'collective' && MEMBERS_AFTER.test(c.after))
      return c.evidence('target', 1, `${c.surface} members (qualifier)`);
    return null;
  },
});
