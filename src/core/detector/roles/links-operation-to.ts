/** "FBI links Bybit heist to North Korea", "relie le piratage à la Chine": the actor an operation is tied to. */
import { INCIDENT_RE } from '../cues';
import { B, DET, OPERATION_ANY, rx } from '../patterns';
import { defineRule } from '../types';

/** A linking verb, its object (an operation), then "to" right before the actor. */
const LINKS_TO_BEFORE = rx(
  `${B}(?:links?|linked|linking|ties|tied|tying|connects?|connected|connecting|relie\\p{L}*|rattache\\p{L}*)\\s+((?:[\\p{L}\\p{N}$€£.,'-]+\\s+){1,7}?)(?:to|with|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

export default defineRule({
  id: 'links-operation-to',
  langs: ['en', 'fr'],
  priority: 82,
  summary: '"FBI links Bybit heist to North Korea", "relie le piratage à la Chine": the actor an operation is tied to.',
  examples: [
    { lang: 'en', text: 'FBI links $1.5bn crypto heist to North Korea', actor: 'North Korea', role: 'perpetrator' },
    {
      lang: 'fr',
      text: 'Les enquêteurs relient le piratage du ministère à la Russie.',
      actor: 'Russie',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Analysts link the rise in oil prices to Russia.', actor: 'Russia', role: null },
  ],
  apply: (c) => {
    const m = LINKS_TO_BEFORE.exec(c.before);
    const object = m?.[1];
    if (object === undefined || !(OPERATION_ANY.test(object) || INCIDENT_RE.test(object))) return null;
    return c.evidence('perpetrator', 3, `operation linked to ${c.surface}`);
  },
});
