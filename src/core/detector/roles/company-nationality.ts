/** "the Russian firm Kaspersky", "des entreprises françaises": a nationality on a company or a victim, not a party. */
import { E, PERP_AFTER_DEMONYM, rx } from '../patterns';
import { defineRule } from '../types';

/** "l'éditeur russe Kaspersky", "US cybersecurity firm Mandiant": a company's nationality, not a party. */
const ORG_NOUNS =
  'editeur|societe|firme|entreprise|company|firm|vendor|cabinet|start-?up|laboratoire|lab|researchers?|chercheurs?|analystes?|experts?|specialiste|specialist|provider|fournisseur|operateurs?|operators?|giant|geant|banks?|banques?|hopitaux|hospitals?|newspapers?|journal|journaux|agence de presse|news agency|universit\\w*|ecoles?|schools?|entreprises|companies|firms|sites?|websites?|exporters?|exportateurs?|citizens|citoyens|users|utilisateurs|voters|electeurs|artillery|artillerie|diplomats|diplomates|activists|activistes|dissidents|journalists|journalistes';
const ORG_AFTER_DEMONYM = rx(`^(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:${ORG_NOUNS})${E}`, 'u');
const ORG_BEFORE_DEMONYM = rx(`(?:${ORG_NOUNS})(?:\\s+[\\p{L}-]+)?\\s+$`, 'u');

/** "la justice américaine accuse la société i-Soon": the nationality of a state organ, which may be the speaker. */
const STATE_ORGAN_BEFORE = rx(
  `(?:justice|police|parquet|gouvernement|armee|diplomatie|renseignement|autorites|services|ministere|tribunal|cour|tresor|marine|defense)\\s+$`,
  'u',
);

export default defineRule({
  id: 'company-nationality',
  langs: ['en', 'fr'],
  priority: 50,
  summary:
    '"the Russian firm Kaspersky", "des entreprises françaises": a nationality on a company or a victim, not a party.',
  examples: [
    {
      lang: 'en',
      text: 'Chinese hackers stole the designs of several German companies, prosecutors said.',
      actor: 'German',
      role: 'target',
    },
    {
      lang: 'fr',
      text: 'Des pirates nord-coréens ont dérobé des fonds à des banques sud-coréennes.',
      actor: 'sud-coréennes',
      role: 'target',
    },
    { lang: 'en', text: 'Chinese hackers stole the designs, German prosecutors said.', actor: 'German', role: null },
    {
      lang: 'fr',
      text: "La justice américaine accuse la société i-Soon d'avoir piraté des ministères.",
      actor: 'américaine',
      role: null,
    },
  ],
  apply: (c) =>
    c.demonym &&
    !STATE_ORGAN_BEFORE.test(c.before) &&
    (ORG_AFTER_DEMONYM.test(c.after) || ORG_BEFORE_DEMONYM.test(c.before)) &&
    !PERP_AFTER_DEMONYM.test(c.after)
      ? c.evidence('target', 1, `${c.surface} (nationality of a company or victim)`)
      : null,
});
