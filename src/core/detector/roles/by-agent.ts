/** "by X" after a report (the source) or after an operation (its agent). */
import { opNear } from '../context';
import { GENERIC_AGENT_BEFORE, SOURCE_BY_BEFORE } from '../patterns';
import { defineRule } from '../types';

export default defineRule({
  id: 'by-agent',
  langs: ['en', 'fr'],
  priority: 234,
  summary: '"by X" after a report (the source) or after an operation (its agent).',
  examples: [
    {
      lang: 'en',
      text: 'The breach was detected by Mandiant in a detailed technical note.',
      actor: 'Mandiant',
      role: 'accuser',
    },
    { lang: 'en', text: 'The cyberattack by Iran lasted for months.', actor: 'Iran', role: 'perpetrator' },
    { lang: 'en', text: "The minister was replaced by Iran's ambassador.", actor: 'Iran', role: null },
  ],
  apply(c) {
    if (!GENERIC_AGENT_BEFORE.test(c.before)) return null;
    if (SOURCE_BY_BEFORE.test(c.before)) return c.evidence('accuser', 2, `by ${c.surface}`);
    if (opNear(c.f, c.mention.start - 70, c.mention.start)) return c.evidence('perpetrator', 2, `by ${c.surface}`);
    return null;
  },
});
