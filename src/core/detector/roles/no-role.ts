/** No construction found: the actor's role is unknown (the decision may still use it as subject or speaker). */
import { defineRule } from '../types';

export default defineRule({
  id: 'no-role',
  langs: ['en', 'fr'],
  priority: 1000,
  summary: "No construction found: the actor's role is unknown (the decision may still use it as subject or speaker).",
  examples: [
    {
      lang: 'en',
      text: 'The hacking allegations drew a sharp response from the Chinese foreign ministry.',
      actor: 'Chinese',
      role: 'unknown',
    },
  ],
  apply: (c) => c.evidence('unknown', 0, c.surface, c.entity),
});
