/** "Citing U.S. intelligence officials, The Washington Post reported…": a source the reporter cites ranks below the reporter. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const CITING_BEFORE = rx(
  `${B}(?:citing|quoting|citant|selon des|according to unnamed)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

export default defineRule({
  id: 'cited-source',
  langs: ['en', 'fr'],
  priority: 38,
  summary:
    '"Citing U.S. intelligence officials, The Washington Post reported…": a cited source ranks below the one citing it.',
  examples: [
    {
      lang: 'en',
      text: 'Citing U.S. intelligence officials, The Washington Post reported that Emirati officials had planned the hack.',
      actor: 'U.S.',
      role: 'accuser',
    },
    {
      lang: 'en',
      text: 'U.S. intelligence officials said Emirati officials had planned the hack.',
      actor: 'U.S.',
      role: null,
    },
  ],
  apply: (c) => (CITING_BEFORE.test(c.before) ? c.evidence('accuser', 1, `cited ${c.surface}`) : null),
});
