/** ", a déclaré M. Wang", "said the Chinese embassy": a speaker after a speech verb, closing the sentence. */
import { speakerBefore } from '../context';
import { POSTPOSED_BEFORE, SPEECH_BEFORE } from '../patterns';
import { defineRule } from '../types';

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
  ],
  apply: (c) =>
    !c.verbAfter &&
    !c.isTarget &&
    (speakerBefore(POSTPOSED_BEFORE, c.terms, c.before, c.mention.start) ||
      speakerBefore(SPEECH_BEFORE, c.terms, c.before, c.mention.start))
      ? c.evidence('accuser', 3, `said ${c.surface}`)
      : null,
});
