/** "MOSCOW (Reuters) -", "PARIS (AFP) —": the agency in a dateline signs the story; it is not a party. */
import { rx } from '../patterns';
import { defineRule } from '../types';

const DATELINE_BEFORE = rx(`^\\s*[\\p{L} ,.'-]{0,40}\\($`, 'u');
const DATELINE_AFTER = rx(`^\\)\\s*[-–—]`, 'u');

export default defineRule({
  id: 'dateline',
  langs: ['en', 'fr'],
  priority: 5,
  summary: 'The news agency of a dateline ("MOSCOW (Reuters) -") signs the story and plays no part in it.',
  examples: [
    {
      lang: 'en',
      text: 'MOSCOW (Reuters) - The Kremlin on Thursday dismissed as "unfounded" Dutch accusations that Russian spies had tried to hack the chemical weapons watchdog.',
      actor: 'Reuters',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'The Kremlin dismissed the hacking accusations, Reuters reported.',
      actor: 'Reuters',
      role: null,
    },
  ],
  apply: (c) =>
    DATELINE_BEFORE.test(c.before) && DATELINE_AFTER.test(c.after)
      ? c.evidence('target', 0, `${c.surface} (dateline)`)
      : null,
});
