/** "North Korean cyber-espionage worries Seoul", "le piratage russe inquiète Berlin": the worried party names the threat. */
import { OPERATION_TERMS } from '../../lexicon';
import { B, rx } from '../patterns';
import { defineRule } from '../types';

const OPERATION = OPERATION_TERMS.map(([, src]) => src).join('|');
/** An operation (or its perpetrators) as the subject of a verb of worry, the mention its object. */
const WORRY_OBJECT_BEFORE = rx(
  `${B}(?:${OPERATION})(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:worr(?:y|ies|ied)|alarm(?:s|ed)?|concern(?:s|ed)|troubl(?:es|ed)|rattl(?:es|ed)|spook(?:s|ed)|inquiet(?:e|ent|ait|aient)|preoccup(?:e|ent|ait|aient)|alarm(?:e|ent|ait|aient)|affol(?:e|ent))\\s+(?:(?:the|les?|la|l')\\s*)?$`,
  'u',
);

export default defineRule({
  id: 'worried-party',
  langs: ['en', 'fr'],
  priority: 285,
  summary: '"North Korean cyber-espionage worries Seoul": the party worried by an operation is the one raising it.',
  examples: [
    {
      lang: 'en',
      text: 'North Korean cyber-espionage worries Seoul as hackers target shipyards',
      actor: 'Seoul',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: "Le cyberespionnage chinois inquiète Berlin à l'approche du scrutin",
      actor: 'Berlin',
      role: 'accuser',
    },
    { lang: 'en', text: 'The weather worries Seoul more than hackers do.', actor: 'Seoul', role: null },
  ],
  apply: (c) => (WORRY_OBJECT_BEFORE.test(c.before) ? c.evidence('accuser', 2, `${c.surface} is worried`) : null),
});
