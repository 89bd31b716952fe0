/** "pro-Russian hacktivists": the actor on the other side of "pro-" is behind them. */
import { B, rx } from '../patterns';
import { defineRule } from '../types';

const PRO_BEFORE = rx(`${B}pro-$`);

export default defineRule({
  id: 'pro-prefix',
  langs: ['en', 'fr'],
  priority: 20,
  summary: '"pro-Russian hacktivists": the actor on the other side of "pro-" is behind them.',
  examples: [
    {
      lang: 'en',
      text: 'A pro-Russian hacktivist collective knocked the websites of several Dutch ministries offline.',
      actor: 'Russian',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Des hacktivistes prorusses ont revendiqué des attaques contre des sites belges.',
      actor: 'belges',
      role: null,
    },
  ],
  apply: (c) => (PRO_BEFORE.test(c.before) ? c.evidence('perpetrator', 2, `pro-${c.surface}`) : null),
});
