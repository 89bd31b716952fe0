/** "Amnesty's Security Lab says", "Microsoft's threat intelligence team said": the owner of the team that speaks. */
import { rx } from '../patterns';
import { defineRule } from '../types';

const OWN_TEAM_SAYS_AFTER = rx(
  `^['’]s?\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:lab|team|unit|division|researchers|analysts|experts|center|centre|group|arm)\\s+(?:has\\s+|have\\s+)?(?:says|said|reported|reports|found|wrote|concluded|warned|added|assessed|believes)(?![\\p{L}])`,
  'u',
);

export default defineRule({
  id: 'possessive-speaker',
  langs: ['en'],
  priority: 36,
  summary: '"Amnesty\'s Security Lab says": the organisation whose team speaks is the source.',
  examples: [
    {
      lang: 'en',
      text: "Morocco used Pegasus to target a journalist's phone, Amnesty's Security Lab says",
      actor: 'Amnesty',
      role: 'accuser',
    },
    { lang: 'en', text: "Hackers breached Amnesty's Security Lab servers last year.", actor: 'Amnesty', role: null },
  ],
  apply: (c) => (OWN_TEAM_SAYS_AFTER.test(c.after) ? c.evidence('accuser', 2, `${c.surface}'s team says`) : null),
});
