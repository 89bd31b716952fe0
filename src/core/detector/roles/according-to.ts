/** "according to Mandiant", "selon Pékin", "Pour Recorded Future, …": the source of the claim. */
import { speakerBefore } from '../context';
import { B, DET, rx } from '../patterns';
import { defineRule } from '../types';

const ACCORDING_TO_BEFORE = rx(
  `${B}(?:selon|d'apres|according to|cited by|cite par)\\s+(?!lesquel)(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,5}$`,
  'u',
);
/** Sentence-initial "Pour Recorded Future, …": French for "according to". */
const POUR_X_BEFORE = rx(`^\\s*pour\\s+(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,3}$`, 'u');

export default defineRule({
  id: 'according-to',
  langs: ['en', 'fr'],
  priority: 60,
  summary: '"according to Mandiant", "selon Pékin", "Pour Recorded Future, …": the source of the claim.',
  examples: [
    {
      lang: 'en',
      text: 'According to the FBI, North Korean hackers stole $600 million from the bridge.',
      actor: 'FBI',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: 'Selon Mandiant, le groupe APT28 a piraté les serveurs du ministère.',
      actor: 'Mandiant',
      role: 'accuser',
    },
    {
      lang: 'fr',
      text: 'Pour Recorded Future, des pirates chinois sont derrière cette campagne.',
      actor: 'Recorded Future',
      role: 'accuser',
    },
    { lang: 'en', text: 'North Korean hackers stole $600 million from the bridge.', actor: 'North Korean', role: null },
  ],
  apply: (c) =>
    speakerBefore(ACCORDING_TO_BEFORE, c.terms, c.before, c.mention.start) ||
    (POUR_X_BEFORE.test(c.before) && /^[\s»"”]*,/.test(c.after))
      ? c.evidence('accuser', 3, `according to ${c.surface}`)
      : null,
});
