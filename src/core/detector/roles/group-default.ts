/**
 * A threat group named in an allegation, with no other role: its likely
 * author — unless the sentence only describes it ("LockBit operated as
 * ransomware-as-a-service", "Emotet evolved into…") or reports enforcement
 * against it (police seizing its servers).
 */
import { DESCRIPTION_CUES, ENFORCEMENT_CUES } from '../../lexicon';
import { rx, words } from '../patterns';
import { defineRule } from '../types';

const DESCRIPTION_RE = rx(words(DESCRIPTION_CUES));
const ENFORCEMENT_RE = rx(words(ENFORCEMENT_CUES));

export default defineRule({
  id: 'group-default',
  langs: ['en', 'fr'],
  priority: 340,
  summary:
    'A threat group named in an allegation, with no other role, is its likely author (not when only described, or the object of enforcement).',
  examples: [
    { lang: 'en', text: 'APT28 remains active across Europe.', actor: 'APT28', role: 'perpetrator' },
    {
      lang: 'en',
      text: 'LockBit operated as ransomware-as-a-service, renting its encryption software to affiliates.',
      actor: 'LockBit',
      role: null,
    },
    {
      lang: 'fr',
      text: "Europol a annoncé la mise hors service des serveurs utilisés par LockBit et l'émission de mandats d'arrêt.",
      actor: 'LockBit',
      role: null,
    },
  ],
  apply: (c) =>
    c.mention.kind === 'group' && !DESCRIPTION_RE.test(c.f) && !ENFORCEMENT_RE.test(c.f)
      ? c.evidence('perpetrator', 2, `group ${c.surface}`)
      : null,
});
