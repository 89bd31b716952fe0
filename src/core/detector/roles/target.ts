/** "against Belgium", "contre la France", "visant Taïwan": a target preposition names a victim. */
import { defineRule } from '../types';

export default defineRule({
  id: 'target',
  langs: ['en', 'fr'],
  priority: 300,
  summary: '"against Belgium", "contre la France", "visant Taïwan": a target preposition names a victim.',
  examples: [
    {
      lang: 'en',
      text: 'North Korean hackers launched a cyberattack against South Korea last week.',
      actor: 'South Korea',
      role: 'target',
    },
    {
      lang: 'fr',
      text: 'Des pirates russes ont mené une cyberattaque contre la France.',
      actor: 'France',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'South Korea launched an investigation into the cyberattack.',
      actor: 'South Korea',
      role: null,
    },
  ],
  apply: (c) => (c.isTarget ? c.evidence('target', 2, `target: ${c.surface}`) : null),
});
