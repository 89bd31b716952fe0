/** "the Russian-speaking REvil gang", "russophone": a language, not the state. */
import { rx } from '../patterns';
import { defineRule } from '../types';

const LANGUAGE_AFTER = rx(`^-(?:speaking|speakers?|language|born)(?![\\p{L}])`, 'u');

export default defineRule({
  id: 'language-qualifier',
  langs: ['en', 'fr'],
  priority: 15,
  summary: '"Russian-speaking" names a language, not the state: the group is accused by its own name.',
  examples: [
    {
      lang: 'en',
      text: 'The Kaseya breach was carried out by affiliates of the Russian-speaking REvil gang.',
      actor: 'Russian',
      role: 'target',
    },
    { lang: 'en', text: 'Russian hackers breached the ministry.', actor: 'Russian', role: null },
  ],
  apply: (c) => (c.demonym && LANGUAGE_AFTER.test(c.after) ? c.evidence('target', 0, `${c.surface} (language)`) : null),
});
