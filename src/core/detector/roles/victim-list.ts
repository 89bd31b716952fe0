/** "hundreds of organisations, including the BBC and British Airways": an actor listed among victims. */
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

const LIST_BEFORE = rx(
  `(?:including|such as|among them|notably|notamment|parmi lesquel\\w*|parmi elles|dont|comme|tels? que|telles? que)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

export default defineRule({
  id: 'victim-list',
  langs: ['en', 'fr'],
  priority: 305,
  summary: 'An actor listed after "including", "such as", "notamment" is one of the victims.',
  examples: [
    {
      lang: 'en',
      text: 'Cl0p exploited a flaw in the MOVEit tool to steal data from hundreds of organisations, including the BBC and British Airways.',
      actor: 'BBC',
      role: 'target',
    },
    {
      lang: 'fr',
      text: 'Les pirates ont visé plusieurs administrations, notamment la France et la Belgique.',
      actor: 'France',
      role: 'target',
    },
    { lang: 'en', text: 'The BBC reported that Cl0p had stolen the data.', actor: 'BBC', role: null },
  ],
  apply: (c) => (LIST_BEFORE.test(c.before) ? c.evidence('target', 1, `${c.surface} (listed victim)`) : null),
});
