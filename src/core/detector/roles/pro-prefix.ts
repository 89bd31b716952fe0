/**
 * "pro-Russian hacktivists", "a pro-Kremlin group": a sympathy, not the state
 * behind them. The group is named as it is (the labelling guide: a state is the
 * accused only when the sentence names it as the one behind the group).
 */
import { B, rx } from '../patterns';
import { defineRule } from '../types';

const PRO_BEFORE = rx(`${B}pro-$`);

export default defineRule({
  id: 'pro-prefix',
  langs: ['en', 'fr'],
  priority: 20,
  summary: '"pro-Russian hacktivists": a sympathy, not a party — the group is accused by its own name.',
  examples: [
    {
      lang: 'en',
      text: 'NoName057(16), a pro-Russian hacktivist collective, took credit for the attacks within hours.',
      actor: 'Russian',
      role: 'target',
    },
    {
      lang: 'fr',
      text: 'Des hacktivistes prorusses ont revendiqué des attaques contre des sites belges.',
      actor: 'belges',
      role: null,
    },
  ],
  apply: (c) => (PRO_BEFORE.test(c.before) ? c.evidence('target', 0, `pro-${c.surface} (sympathy)`) : null),
});
