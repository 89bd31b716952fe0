/**
 * "named the SVR as the perpetrator", "désigné Moscou comme responsable",
 * "who had sent it: the Russian military": the actor given the culprit's role.
 */
import { DET, E, rx } from '../patterns';
import { defineRule } from '../types';

const AS_CULPRIT_AFTER = rx(
  `^(?:'s)?(?:\\s+[\\p{L}-]+){0,3}?,?\\s+(?:as|comme)\\s+(?:${DET}\\s*)?(?:(?:likely|probable|main|principal|chief|real|true|veritable)\\s+)?(?:perpetrators?|culprits?|authors?|attackers?|responsible|auteurs?|coupables?|responsables?|commanditaires?)${E}`,
  'u',
);
/** "…who had sent it: the Russian military." — the answer after a colon to a question of authorship. */
const WHO_COLON_BEFORE = rx(
  `(?:who|which\\s+\\w+|qui)\\s+(?:[\\p{L}'-]+\\s+){0,6}[\\p{L}'-]+\\s*:\\s*(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,1}$`,
  'u',
);

export default defineRule({
  id: 'perpetrator-as',
  langs: ['en', 'fr'],
  priority: 238,
  summary:
    '"named the SVR as the perpetrator", "who had sent it: the Russian military": the actor cast as the culprit.',
  examples: [
    {
      lang: 'en',
      text: 'The White House named the Foreign Intelligence Service, or SVR, as the perpetrator of the SolarWinds breach.',
      actor: 'SVR',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'It was NotPetya, he said, and there had never been much doubt about who had sent it: the Russian military.',
      actor: 'Russian',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Washington a désigné Moscou comme le principal responsable de la campagne.',
      actor: 'Moscou',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'The SVR served as a model for the new agency.', actor: 'SVR', role: null },
  ],
  apply: (c) =>
    AS_CULPRIT_AFTER.test(c.after) || WHO_COLON_BEFORE.test(c.before)
      ? c.evidence('perpetrator', 3, `${c.surface} as the culprit`)
      : null,
});
