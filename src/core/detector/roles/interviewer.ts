/** "Interrogée par l'AFP, l'ambassade…", "told Reuters", "asked by the BBC": whoever asks is not a party. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const ASKED_BY_BEFORE = rx(
  `${B}(?:(?:told|addressed|speaking to|a (?:dit|declare) (?:a|devant))\\s+(?:an? )?(?:audience|conference|gathering|meeting|assemblee|conference|reunion)\\s+(?:of|de|des|du)\\s+(?:[\\p{L}-]+\\s+){0,2}|(?:interroge|sollicite|contacte|joint)e?s?\\s+par|(?:asked|questioned|contacted|reached)\\s+by|told|speaking to|in an interview with|(?:a|ont)\\s+(?:declare|indique|confie|dit|assure|precise)\\s+a|dans un entretien (?:a|avec)|interview(?:e|ee)? par)\\s+(?:${DET}\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'interviewer',
  langs: ['en', 'fr'],
  priority: 8,
  summary:
    'The medium that asks or is told ("Interrogée par l\'AFP", "told Reuters") is not a party to the allegation.',
  examples: [
    {
      lang: 'fr',
      text: "Interrogée par l'AFP, l'ambassade de Chine à Bruxelles a rejeté des accusations de cyberespionnage « sans fondement ».",
      actor: 'AFP',
      role: 'target',
    },
    {
      lang: 'en',
      text: '"We play no part in these online crimes," a ministry researcher told Reuters, after Facebook tied the company to the hacking.',
      actor: 'Reuters',
      role: 'target',
    },
    {
      lang: 'en',
      text: 'Reuters reported that Chinese hackers had breached the ministry.',
      actor: 'Reuters',
      role: null,
    },
  ],
  apply: (c) => (ASKED_BY_BEFORE.test(c.before) ? c.evidence('target', 0, `${c.surface} (asked)`) : null),
});
