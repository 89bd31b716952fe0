/** "North Korea behind $1.5 billion heist, FBI says": a headline's "X behind" without its verb. */
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const BEHIND_AFTER = rx(
  `^(?:'s)?(?:\\s+(?:allegedly|likely|probably|possibly|also|again|reportedly|probablement|aussi|encore))?\\s+(?:behind|derriere)${E}`,
);

export default defineRule({
  id: 'bare-behind',
  langs: ['en', 'fr'],
  priority: 195,
  summary:
    '"North Korea behind Bybit heist", "Pékin derrière le piratage": the actor right before "behind" is the perpetrator.',
  examples: [
    {
      lang: 'en',
      text: 'North Korea behind $1.5 billion Bybit heist, FBI says',
      actor: 'North Korea',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Pékin derrière le piratage du Parlement, selon Bruxelles',
      actor: 'Pékin',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'The FBI said North Korea was far behind in the race for hackers.',
      actor: 'North Korea',
      role: null,
    },
  ],
  apply: (c) => (BEHIND_AFTER.test(c.after) ? c.evidence('perpetrator', 3, `${c.surface} behind`) : null),
});
