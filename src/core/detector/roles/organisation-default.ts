/** A company or lab named in an allegation, with no other role: a likely source. */
import { defineRule } from '../types';

export default defineRule({
  id: 'organisation-default',
  langs: ['en', 'fr'],
  priority: 350,
  summary: 'A company or lab named in an allegation, with no other role: a likely source.',
  examples: [
    {
      lang: 'en',
      text: 'Iranian hackers were behind the intrusion at the plant, in the view of Mandiant.',
      actor: 'Mandiant',
      role: 'accuser',
    },
    { lang: 'en', text: 'In a report on Tuesday, the team tied the hacking to Iran.', actor: 'Iran', role: null },
  ],
  apply: (c) =>
    c.mention.kind === 'organisation' ? c.evidence('accuser', 1, `${c.surface} (organisation)`, true) : null,
});
