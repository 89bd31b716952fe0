/** "by X" after a report (the source) or after an operation (its agent). */
import { opNear } from '../context';
import { GENERIC_AGENT_BEFORE, OPERATION_EVENT, rx, SOURCE_BY_BEFORE } from '../patterns';
import { defineRule } from '../types';

/** The charge of a passive accusation: "China accused of cyberattacks by Washington" (X is the accuser). */
const ACCUSED_OF_BEFORE =
  /\b(?:accus|blam|charg|soupconn|suspect|attribu|imput)\p{L}*\s+(?:\S+\s+){0,3}?(?:of|for|de|d')\s/u;
/** "uncovered a major cyberattack by X": the operation right before "by" has X as its agent, whatever verb came first. */
const OPERATION_THEN_BY = rx(`${OPERATION_EVENT.source}\\s+(?:by|par)\\s+(?:[\\p{L}'-]+\\s+){0,3}$`);

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
    {
      lang: 'en',
      text: 'Officials said they had uncovered a major cyberattack by Indian intelligence agencies.',
      actor: 'Indian',
      role: 'perpetrator',
    },
    { lang: 'en', text: "The minister was replaced by Iran's ambassador.", actor: 'Iran', role: null },
  ],
  apply(c) {
    if (!GENERIC_AGENT_BEFORE.test(c.before)) return null;
    if (OPERATION_THEN_BY.test(c.before) && !ACCUSED_OF_BEFORE.test(c.before))
      return c.evidence('perpetrator', 2, `by ${c.surface}`);
    if (SOURCE_BY_BEFORE.test(c.before)) return c.evidence('accuser', 2, `by ${c.surface}`);
    if (opNear(c.f, c.mention.start - 70, c.mention.start)) return c.evidence('perpetrator', 2, `by ${c.surface}`);
    return null;
  },
});
