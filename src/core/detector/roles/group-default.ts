/** A threat group named in an allegation, with no other role: its likely author. */
import { defineRule } from '../types';

export default defineRule({
  id: 'group-default',
  langs: ['en', 'fr'],
  priority: 340,
  summary: 'A threat group named in an allegation, with no other role: its likely author.',
  examples: [
    { lang: 'en', text: 'APT28 remains active across Europe.', actor: 'APT28', role: 'perpetrator' },
    {
      lang: 'en',
      text: 'The report on the hacking was published on Tuesday by Germany.',
      actor: 'Germany',
      role: null,
    },
  ],
  apply: (c) => (c.mention.kind === 'group' ? c.evidence('perpetrator', 2, `group ${c.surface}`) : null),
});
