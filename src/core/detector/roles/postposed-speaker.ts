/** ", a déclaré M. Wang", "said the Chinese embassy": a speaker after a speech verb, closing the sentence. */
import { speakerBefore } from '../context';
import { DET, POSTPOSED_BEFORE, rx, SPEECH_BEFORE } from '../patterns';
import { defineRule } from '../types';

const LINKED_TO_BEFORE = rx(
  `(?:linked|tied|attributed|traced|connected|blamed|pinned|rattache\\w*|lie\\w*|attribue\\w*|impute\\w*|relie\\w*)\\s+(?:to|on|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
const ACCUSING_BEFORE = rx(
  `(?:accusing|blaming|accusant|reprochant a|pointant du doigt|mettant en cause|denoncing|denoncant)\\s+(?:${DET}\\s*)?$`,
);

export default defineRule({
  id: 'postposed-speaker',
  langs: ['en', 'fr'],
  priority: 40,
  summary: '", a déclaré M. Wang", "said the Chinese embassy": a speaker after a speech verb, closing the sentence.',
  examples: [
    {
      lang: 'en',
      text: 'Russian military hackers broke into the network of the Dutch police, said the Netherlands.',
      actor: 'Netherlands',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: '« Les pirates chinois ont visé nos parlementaires », a déclaré mardi le gouvernement belge.',
      actor: 'gouvernement belge',
      role: 'accuser',
    },
    { lang: 'en', text: 'Russian hackers attacked the Netherlands last year.', actor: 'Netherlands', role: null },
    {
      lang: 'fr',
      text: "« Les États-Unis sont le véritable empire du piratage », a rétorqué M. Lin, accusant Washington d'espionner ses alliés.",
      actor: 'Washington',
      role: null,
    },
  ],
  apply: (c) =>
    !c.verbAfter &&
    !c.isTarget &&
    // ", a rétorqué M. Lin, accusant Washington…": the object of the accusation, not the speaker.
    !ACCUSING_BEFORE.test(c.before) &&
    // "a campaign it linked to Russian military intelligence": the end of an attribution, not a speaker.
    !LINKED_TO_BEFORE.test(c.before) &&
    (speakerBefore(POSTPOSED_BEFORE, c.terms, c.before, c.mention.start) ||
      speakerBefore(SPEECH_BEFORE, c.terms, c.before, c.mention.start))
      ? c.evidence('accuser', 3, `said ${c.surface}`)
      : null,
});
