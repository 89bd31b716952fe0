/** "Russia is accused of", "la Chine est soupçonnée", "Moscow was behind", "Iran, which it blames": the accused of a passive, a copula of responsibility or a relative. */
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const ACCUSED_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:que|qu'|that|qui|which|who|dont|whose|said|says|told|stated|declared|claimed|added)\\b)\\S+){0,3}?\\s+(?:is|are|was|were|has been|have been|had been|stands?|est|sont|a ete|ont ete|avait ete|etait|etaient|serait|seraient|reste|demeure)\\s+(?:\\w+\\s+)?(?:accused|suspected|believed|thought|alleged|blamed|said|reported|held responsible|behind|responsible|accusee?s?|soupconnee?s?|suspectee?s?|derriere|responsables?|a l'origine|mise? en cause|pointee? du doigt)${E}`,
);
const ACCUSED_RELATIVE_AFTER = rx(
  `^\\s*,\\s*(?:qu'(?:il|elle|ils|elles|on)|whom|which (?:it|they|he|she)|that (?:it|they))\\s+(?:\\w+\\s+)?(?:accus\\w*|blam\\w*|soupconn\\w*|suspect\\w*|tient pour responsable|hold\\w* responsible|tracks?)${E}`,
);

/** "a Russian military intelligence officer they suspect of leading the hack": a zero relative. */
const ZERO_RELATIVE_AFTER = rx(
  `^(?:\\s+[\\p{L}-]+){0,4}?\\s+(?:whom\\s+)?(?:they|he|she|it|we)\\s+(?:(?:had|have|has)\\s+)?(?:suspect|accuse|blame)(?:s|d|ed)?\\s+(?:of|for)${E}`,
);

export default defineRule({
  id: 'accused-passive',
  langs: ['en', 'fr'],
  priority: 190,
  summary:
    '"Russia is accused of", "la Chine est soupçonnée", "Moscow was behind", "Iran, which it blames": the accused of a passive, a copula of responsibility or a relative.',
  examples: [
    {
      lang: 'en',
      text: 'Russia is accused of hacking the email accounts of German lawmakers.',
      actor: 'Russia',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "La Chine est soupçonnée d'avoir piraté les serveurs du Parlement.",
      actor: 'Chine',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Officials believe Moscow was behind the cyberattack on the Danish utility.',
      actor: 'Moscow',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'Les enquêteurs estiment que Pékin serait derrière cette campagne de piratage.',
      actor: 'Pékin',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Prosecutors issued a warrant for a Russian officer they suspect of leading the hack.',
      actor: 'Russian',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Russia accused Ukraine of hacking its railways.', actor: 'Russia', role: null },
  ],
  apply: (c) =>
    ACCUSED_PASSIVE_AFTER.test(c.after) || ACCUSED_RELATIVE_AFTER.test(c.after) || ZERO_RELATIVE_AFTER.test(c.after)
      ? c.evidence('perpetrator', 3, `${c.surface} is accused`)
      : null,
});
