/** The verb the actor is the subject of: speech → accuser, attack → perpetrator, denial → denier. */

import { defineRule } from '../types';
import { verbRoleAfter } from '../verbs';

export default defineRule({
  id: 'subject-verb',
  langs: ['en', 'fr'],
  priority: 330,
  summary: 'The verb the actor is the subject of: speech → accuser, attack → perpetrator, denial → denier.',
  examples: [
    {
      lang: 'en',
      text: 'Beijing hacked the email accounts of Belgian lawmakers, officials said.',
      actor: 'Beijing',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Moscow denied any involvement in the cyberattack on the Danish water utility.',
      actor: 'Moscow',
      role: 'denier',
    },
    {
      lang: 'fr',
      text: "Londres accuse Pékin d'avoir piraté la commission électorale.",
      actor: 'Londres',
      role: 'accuser',
    },
    {
      lang: 'en',
      text: 'China said the NSA had carried out tens of thousands of malicious attacks on Northwestern Polytechnical University.',
      actor: 'NSA',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Moscow has a long record of cyberattacks on its neighbours.', actor: 'Moscow', role: null },
  ],
  apply(c) {
    const v = verbRoleAfter(c.terms, c.f, c.mention.end, c.hasOperation);
    if (v.role === 'perpetrator') return c.evidence(v.negated ? 'denier' : 'perpetrator', 2, `${c.surface} acts`);
    if (v.role === 'accuser' && c.mention.kind !== 'group') return c.evidence('accuser', 2, `${c.surface} says`);
    if (v.role === 'denier') return c.evidence('denier', 2, `${c.surface} denies`);
    if (v.role === 'target') return c.evidence('target', 2, `${c.surface} was targeted`);
    return null;
  },
});
