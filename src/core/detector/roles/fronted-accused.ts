/**
 * "Accusé par Canberra, Pékin a contre-attaqué…", "Accused by London of the
 * hack, Moscow hit back…": the subject after a fronted participle of
 * accusing is the party accused before — now answering.
 */
import { rx } from '../patterns';
import { defineRule } from '../types';

const FRONTED_BEFORE = rx(
  `^\\s*(?:accused|blamed|named|targeted|accusee?s?|mise?s? en cause|pointee?s? du doigt|soupconnee?s?|visee?s?)\\s+(?:by|par)\\s+[^,;]{1,70},\\s*$`,
  'u',
);

export default defineRule({
  id: 'fronted-accused',
  langs: ['en', 'fr'],
  priority: 32,
  summary: 'The subject after "Accusé par X," is the party accused before, now answering.',
  examples: [
    {
      lang: 'fr',
      text: "Accusé par Canberra, Pékin a contre-attaqué en affirmant que l'Australie participait à l'interception des communications chinoises.",
      actor: 'Pékin',
      role: 'rejected',
    },
    { lang: 'fr', text: 'Pékin a contre-attaqué en accusant Canberra.', actor: 'Pékin', role: null },
  ],
  apply: (c) => (FRONTED_BEFORE.test(c.before) ? c.evidence('rejected', 2, `${c.surface}, accused before`) : null),
});
