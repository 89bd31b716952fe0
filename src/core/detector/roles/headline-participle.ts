/**
 * "China accused of cyberattacks by Washington", "Russia blamed by EU for
 * satellite hack", "La Russie accusée par Paris d'avoir piraté…": a headline's
 * subject followed by a participle of accusing is the accused (the agent after
 * "by"/"par" is the accuser, found by the by-agent rule).
 */
import { E, rx } from '../patterns';
import { defineRule } from '../types';

const PARTICIPLE_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:is|are|was|were|has|have|had|est|sont|a|ont|etait|etaient)\\s)[\\p{L}-]+){0,2}?,?\\s+(?:accused|blamed|named|suspected|singled out|charged|sanctioned|implicated|accusee?s?|soupconnee?s?|mise?s? en cause|pointee?s? du doigt|designee?s?|epinglee?s?|nommee?s?)(?:\\s+(?:by|par|of|for|as|de|d'|comme)${E}|\\s*(?:[,;:–—]|$))`,
);

export default defineRule({
  id: 'headline-participle',
  langs: ['en', 'fr'],
  priority: 185,
  summary:
    'A subject followed by a participle of accusing ("China accused of…", "la Russie accusée par…") is the accused.',
  examples: [
    {
      lang: 'fr',
      text: 'Piratage de parlementaires : la Chine mise en cause, son chargé d’affaires convoqué',
      actor: 'Chine',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'China accused of cyberattacks by Washington and London', actor: 'China', role: 'perpetrator' },
    {
      lang: 'en',
      text: 'Russia blamed by EU, UK and US for satellite hack on invasion day',
      actor: 'Russia',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "La Russie accusée par Paris d'avoir piraté la messagerie de plusieurs ministères",
      actor: 'Russie',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'North Korea named by Seoul as culprit in nuclear plant data leak',
      actor: 'North Korea',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Britain accused Russia of hacking its election systems.', actor: 'Britain', role: null },
  ],
  apply: (c) => (PARTICIPLE_AFTER.test(c.after) ? c.evidence('perpetrator', 3, `${c.surface} accused`) : null),
});
