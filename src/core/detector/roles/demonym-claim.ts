/** "British accusations", "les accusations américaines": a nationality on a claim noun names its source. */
import { B, CLAIM_AFTER_DEMONYM, DET, PERP_AFTER_DEMONYM, rx } from '../patterns';
import { defineRule } from '../types';

/** French order ("les accusations américaines"); not "de fabrication israélienne" (made in Israel). */
const CLAIM_BEFORE_DEMONYM = rx(
  `${B}(?:accusations?|allegations?|affirmations?|assertions?|soupcons|mises? en cause|inculpations?|attributions?|rapports?|declarations?|calomnies|conclusions|enquetes?)\\s+$`,
);

const CLAIM_OF_ORGAN_BEFORE = rx(
  `${B}(?:accusations?|allegations?|affirmations?|assertions?|soupcons|conclusions|claims?|findings|rapports?|reports?)\\s+(?:de|du|des|of the|by the)\\s+(?:${DET}\\s*)?(?:renseignement|gouvernement|services?|ministere|justice|police|parquet|autorites|diplomatie|government|intelligence|authorities|ministry|police|prosecutors)\\s+$`,
);

export default defineRule({
  id: 'demonym-claim',
  langs: ['en', 'fr'],
  priority: 125,
  summary: '"British accusations", "les accusations américaines": a nationality on a claim noun names its source.',
  examples: [
    {
      lang: 'en',
      text: 'Beijing rejected the British accusations of hacking as groundless.',
      actor: 'British',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: "Pyongyang a qualifié d'« absurdes » les accusations américaines de piratage.",
      actor: 'américaines',
      role: 'accuser',
    },
    { lang: 'en', text: 'British hackers were not involved in the intrusion.', actor: 'British', role: null },
    { lang: 'en', text: 'Washington claims Russian hackers broke into the grid.', actor: 'Russian', role: null },
  ],
  apply: (c) =>
    c.demonym &&
    (CLAIM_AFTER_DEMONYM.test(c.after) ||
      // "les accusations américaines", not "Washington claims Russian hackers…".
      (CLAIM_BEFORE_DEMONYM.test(c.before) && !PERP_AFTER_DEMONYM.test(c.after)) ||
      // "les conclusions du renseignement néo-zélandais", "the claims of the British government".
      CLAIM_OF_ORGAN_BEFORE.test(c.before))
      ? c.evidence('accuser', 1, `${c.surface} claims`)
      : null,
});
