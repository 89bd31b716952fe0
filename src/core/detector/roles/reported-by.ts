/** "revealed on Tuesday by the Washington Post", "publié par Mandiant": the source of a report. */
import { SOURCE_BY_BEFORE } from '../patterns';
import { defineRule } from '../types';

export default defineRule({
  id: 'reported-by',
  langs: ['en', 'fr'],
  priority: 250,
  summary: '"revealed on Tuesday by the Washington Post", "publié par Mandiant": the source of a report.',
  examples: [
    {
      lang: 'en',
      text: 'The campaign was revealed on Tuesday by the French cyber agency ANSSI.',
      actor: 'ANSSI',
      role: 'accuser',
    },
    { lang: 'en', text: 'Microsoft said the hacking campaign targeted diplomats.', actor: 'Microsoft', role: null },
  ],
  apply: (c) => (SOURCE_BY_BEFORE.test(c.before) ? c.evidence('accuser', 2, `reported by ${c.surface}`) : null),
});
