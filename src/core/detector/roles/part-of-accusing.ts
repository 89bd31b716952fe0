/** "irresponsable de la part de la Belgique d'accuser…", "irresponsible of London to blame…": the one accusing. */
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const PART_OF_BEFORE = rx(`${B}(?:de la part (?:de|du|des|d')|of|for)\\s+(?:${DET}\\s*)?$`);
const ACCUSING_AFTER = rx(
  `^\\s*(?:d'|de\\s+|to\\s+)(?:accuser|accuse|blame|blamer|attribuer|attribute|imputer|pointer du doigt|mettre en cause|designer|point the finger)\\b`,
);

export default defineRule({
  id: 'part-of-accusing',
  langs: ['en', 'fr'],
  priority: 85,
  summary:
    '"irresponsable de la part de la Belgique d\'accuser…": the party said to accuse, not one acting for another.',
  examples: [
    {
      lang: 'fr',
      text: "Il est irresponsable de la part de la Belgique d'accuser des pirates chinois sans preuve.",
      actor: 'Belgique',
      role: 'accuser',
    },
    {
      lang: 'en',
      text: 'It is irresponsible of London to blame Chinese hackers for the breach.',
      actor: 'London',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: 'Les pirates agissaient de la part de la Russie contre les serveurs du ministère.',
      actor: 'Russie',
      role: null,
    },
  ],
  apply: (c) =>
    PART_OF_BEFORE.test(c.before) && ACCUSING_AFTER.test(c.after)
      ? c.evidence('accuser', 2, `${c.surface} accuses`)
      : null,
});
