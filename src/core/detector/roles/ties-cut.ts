/** "Albania cuts diplomatic ties with Iran over the cyberattack": the state a reprisal is aimed at. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const TIES_CUT_BEFORE = rx(
  `${B}(?:cuts?|cutting|sever(?:s|ed|ing)?|broke off|breaks off|downgrad\\w*|suspend\\w*|romp(?:t|ent|u|re)|rompant|suspend\\w*)\\s+(?:(?:its|their|all|ses|leurs|les)\\s+)?(?:diplomatic\\s+)?(?:ties|relations)(?:\\s+diplomatiques)?\\s+(?:with|avec)\\s+(?:${DET}\\s*)?$`,
);
/** "a promis à Moscou des « conséquences »", "threatened Tehran with retaliation": a promised reprisal. */
const CONSEQUENCES_BEFORE = rx(
  `${B}(?:promis\\w*|promet\\w*|menace\\w*|threaten\\w*|warn(?:s|ed)?|vow(?:s|ed)?)\\s+(?:(?:a|au|aux)\\s+)?(?:${DET}\\s*)?$`,
);
const CONSEQUENCES_AFTER = /^.{0,30}?\b(?:consequences|represailles|riposte|retaliation|retaliate|reponse)\b/;
/** The reprisal must be over an operation: "over July cyberattack", "accusé d'une cyberattaque". */
const OVER_AFTER = /^.{0,40}?\b(?:over|after|following|in response to|apres|a la suite|en raison|pour|accus\w*|,)/;

export default defineRule({
  id: 'ties-cut',
  langs: ['en', 'fr'],
  priority: 65,
  summary:
    '"Albania cuts diplomatic ties with Iran over the cyberattack", "promised Moscow consequences for NotPetya": the state a reprisal is aimed at.',
  examples: [
    {
      lang: 'en',
      text: 'Albania cuts diplomatic ties with Iran over July cyberattack',
      actor: 'Iran',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "L'Albanie rompt ses relations diplomatiques avec l'Iran, accusé d'une cyberattaque contre ses services publics",
      actor: 'Iran',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: 'La Maison Blanche a promis à Moscou des « conséquences internationales » pour NotPetya.',
      actor: 'Moscou',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Albania restored diplomatic ties with Iran after the talks.', actor: 'Iran', role: null },
  ],
  apply: (c) =>
    c.hasOperation &&
    ((TIES_CUT_BEFORE.test(c.before) && OVER_AFTER.test(c.after)) ||
      (CONSEQUENCES_BEFORE.test(c.before) && CONSEQUENCES_AFTER.test(c.after)))
      ? c.evidence('perpetrator', 2, `ties cut with ${c.surface}`)
      : null,
});
