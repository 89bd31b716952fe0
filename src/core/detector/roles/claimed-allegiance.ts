/** "un groupe se réclamant d'Algérie", "claiming allegiance to Iran": a group's declared side, not its sponsor. */
import { DET, rx } from '../patterns';
import { defineRule } from '../types';

const ALLEGIANCE_BEFORE = rx(
  `(?:se reclamant|se revendiquant|se disant proches?|claiming (?:allegiance to|to act for|to be from)|professing loyalty to)\\s+(?:de|du|des|d'|a|au)?\\s*(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'claimed-allegiance',
  langs: ['en', 'fr'],
  priority: 22,
  summary: 'The side a group says it acts for ("se réclamant d\'Algérie") is not its sponsor.',
  examples: [
    {
      lang: 'fr',
      text: "Un groupe se réclamant d'Algérie, JabaRoot DZ, a revendiqué le piratage de la caisse de sécurité sociale.",
      actor: 'Algérie',
      role: 'target',
    },
    { lang: 'fr', text: "L'Algérie a démenti tout piratage.", actor: 'Algérie', role: null },
  ],
  apply: (c) => (ALLEGIANCE_BEFORE.test(c.before) ? c.evidence('target', 0, `${c.surface} (claimed side)`) : null),
});
