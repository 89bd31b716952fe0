/** "Chinese hackers", "pirates russes", "cyberattaques chinoises": a nationality on perpetrators or operations. */
import { PERPETRATOR_NOUNS } from '../../lexicon';
import { PERP_AFTER_DEMONYM, rx } from '../patterns';
import { defineRule } from '../types';

const PERP_BEFORE_DEMONYM = rx(
  `(?:${PERPETRATOR_NOUNS})(?:,?\\s+(?:informatiques?|etatiques?|presumes?|presumees?|soupconnes?|soupconnees?|militaires|d'etat|de l'etat|soutenus?|parraines?|\\w+-\\w+|de haut niveau|sophistiquee?s?)){0,2},?\\s+$`,
);

export default defineRule({
  id: 'demonym-perpetrator',
  langs: ['en', 'fr'],
  priority: 160,
  summary:
    '"Chinese hackers", "pirates russes", "cyberattaques chinoises": a nationality on perpetrators or operations.',
  examples: [
    {
      lang: 'en',
      text: 'Chinese state-sponsored hackers broke into the email accounts of Belgian lawmakers.',
      actor: 'Chinese',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Des pirates informatiques russes ont visé le ministère des Affaires étrangères.',
      actor: 'russes',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'The malware was aimed against Ukrainian hackers and their servers.',
      actor: 'Ukrainian',
      role: 'target',
    },
    { lang: 'en', text: 'Chinese officials denied the hacking claims.', actor: 'Chinese', role: null },
  ],
  apply: (c) =>
    c.demonym && (PERP_AFTER_DEMONYM.test(c.after) || PERP_BEFORE_DEMONYM.test(c.before))
      ? c.isTarget
        ? c.evidence('target', 2, `target: ${c.surface}`)
        : c.evidence('perpetrator', 3, `${c.surface} perpetrators`)
      : null,
});
