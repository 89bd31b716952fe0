/** "China-linked", "Kremlin-backed", "Iran-nexus": the hyphenated actor is behind the operation. */
import { LINK_SUFFIXES } from '../../lexicon';
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const HYPHEN_LINK_AFTER = rx(`^-(?:${LINK_SUFFIXES})${E}`);

export default defineRule({
  id: 'hyphen-linked',
  langs: ['en', 'fr'],
  priority: 10,
  summary: '"China-linked", "Kremlin-backed", "Iran-nexus": the hyphenated actor is behind the operation.',
  examples: [
    {
      lang: 'en',
      text: 'China-linked hackers breached the email servers of a Belgian ministry last year.',
      actor: 'China',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Kremlin-backed operatives were blamed for the outage at the Danish water utility.',
      actor: 'Kremlin',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Microsoft said China had hacked the servers of a Belgian ministry.',
      actor: 'China',
      role: null,
    },
  ],
  apply: (c) => (HYPHEN_LINK_AFTER.test(c.after) ? c.evidence('perpetrator', 3, `${c.surface}-linked`) : null),
});
