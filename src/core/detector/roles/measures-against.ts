/** "sanctions against two Chinese nationals", "des poursuites contre des pirates russes": the object of measures is the accused. */
import { defineRule } from '../types';

export default defineRule({
  id: 'measures-against',
  langs: ['en', 'fr'],
  priority: 70,
  summary:
    '"sanctions against two Chinese nationals", "des poursuites contre des pirates russes": the object of measures is the accused.',
  examples: [
    {
      lang: 'en',
      text: 'The Treasury announced sanctions against two Chinese nationals over the hacking of US utilities.',
      actor: 'Chinese',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Washington a engagé des poursuites contre des pirates russes accusés du piratage.',
      actor: 'russes',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'The Treasury announced sanctions after Chinese hackers attacked US utilities.',
      actor: 'Chinese',
      role: null,
    },
  ],
  apply: (c) => (c.measuresAgainst ? c.evidence('perpetrator', 3, `measures against ${c.surface}`) : null),
});
