/** "France was targeted", "l'Allemagne a subi", "came under attack": the actor is a victim. */
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const VICTIM_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:que|qu'|that|qui|which|who|dont|whose|said|says|told|stated|declared|claimed|added)\\b)\\S+){0,3}?\\s+(?:is|are|was|were|has been|have been|had been|a ete|ont ete|avait ete|avaient ete|est|sont|etait|etaient|fell|fut|suffer\\w*|subi\\w*|subit|a subi|ont subi|came under|est la|sont les)\\s+(?:[\\p{L}'-]+\\s+){0,2}?(?:hacked|targeted|attacked|breached|hit|compromised|infiltrated|spied|victims?|struck|pirate\\w*|vise\\w*|cible\\w*|attaque\\w*|touche\\w*|infiltre\\w*|espionne\\w*|victimes?|la cible|the target|frapp\\w*|cyberattaques?|attacks?|attaques?|intrusions?)${E}`,
  'u',
);
/** "Estonia, hit by weeks of attacks", "la Belgique, visée par…": an apposed participle of attack. */
const VICTIM_APPOSITION_AFTER = rx(
  `^,?\\s+(?:(?:already|repeatedly|deja|elle-meme|lui-meme|itself)\\s+)?(?:hit|struck|targeted|attacked|hacked|breached|paralysed|paralyzed|crippled|touchee?s?|frappee?s?|visee?s?|ciblee?s?|attaquee?s?|piratee?s?|paralysee?s?)\\s+(?:by|par|in|en)${E}`,
  'u',
);
/** Victims without a participle: "a subi une vague d'attaques", "came under attack". */
const VICTIM_VERB_AFTER = rx(
  `^(?:'s)?(?:\\s+[\\p{L}'-]+){0,2}?\\s+(?:a subi|ont subi|avait subi|subit|subissent|a ete victime|ont ete victimes|est victime|sont victimes|suffered|suffers|fell victim|came under|comes under|has been hit|have been hit|was hit|were hit|a ete touchee?|ont ete touchee?s)${E}`,
  'u',
);

export default defineRule({
  id: 'victim',
  langs: ['en', 'fr'],
  priority: 310,
  summary: '"France was targeted", "l\'Allemagne a subi", "came under attack": the actor is a victim.',
  examples: [
    {
      lang: 'en',
      text: 'Estonia came under a wave of cyberattacks that officials blamed on Russian hackers.',
      actor: 'Estonia',
      role: 'target',
    },
    {
      lang: 'fr',
      text: "L'Allemagne a subi une vague de cyberattaques attribuées à des pirates russes.",
      actor: 'Allemagne',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'Estonia, hit by weeks of disruptive attacks in 2007, now hosts a NATO cyber defence centre.',
      actor: 'Estonia',
      role: 'target',
    },
    { lang: 'en', text: 'Estonia blamed the wave of cyberattacks on Russian hackers.', actor: 'Estonia', role: null },
  ],
  apply: (c) =>
    VICTIM_PASSIVE_AFTER.test(c.after) || VICTIM_VERB_AFTER.test(c.after) || VICTIM_APPOSITION_AFTER.test(c.after)
      ? c.evidence('target', 2, `${c.surface} was targeted`)
      : null,
});
