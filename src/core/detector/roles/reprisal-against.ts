/** "Germany summons Russian ambassador over Bundestag hack", "Britain sanctions Chinese front company over…": the state a reprisal targets. */
import { B, DET, OPERATION_ANY, rx } from '../patterns';
import { defineRule } from '../types';

const REPRISAL_BEFORE = rx(
  `${B}(?:summon(?:s|ed|ing)?|convoqu\\w*|expel(?:s|led|ling)?|expuls\\w*|sanction(?:s|ed|ing)?|sanctionn\\w*)\\s+(?:${DET}\\s*)?(?:(?:two|three|four|five|several|deux|trois|quatre|cinq|plusieurs|\\d+)\\s+)?$`,
  'u',
);
/** The demonym qualifies envoys, agents or a front, and the reprisal is over an operation. */
const ENVOY_AFTER = rx(
  `^(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:ambassadors?|envoys?|diplomats?|charge d'affaires|compan(?:y|ies)|firms?|officers?|nationals?|individuals|hackers|agents?|ambassadeurs?|diplomates?|societes?|entreprises?|ressortissants?|officiers?|pirates)(?![\\p{L}])[^.;]{0,80}?\\b(?:over|after|for|following|pour|apres|a la suite)\\b([^.;]{0,80})`,
  'u',
);

export default defineRule({
  id: 'reprisal-against',
  langs: ['en', 'fr'],
  priority: 47,
  summary:
    '"Germany summons Russian ambassador over Bundestag hack": the state whose envoys or front a reprisal for an operation targets.',
  examples: [
    {
      lang: 'en',
      text: 'Germany summons Russian ambassador over 2015 Bundestag hack',
      actor: 'Russian',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Britain sanctions Chinese front company over Electoral Commission hack',
      actor: 'Chinese',
      role: 'perpetrator',
    },
    { lang: 'en', text: 'Germany summons Russian ambassador over the war in Ukraine', actor: 'Russian', role: null },
  ],
  apply: (c) =>
    c.demonym &&
    c.hasOperation &&
    REPRISAL_BEFORE.test(c.before) &&
    OPERATION_ANY.test(ENVOY_AFTER.exec(c.after)?.[1] ?? '')
      ? c.evidence('perpetrator', 2, `reprisal against ${c.surface}`)
      : null,
});
