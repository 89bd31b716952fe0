import { DESCRIPTION_RE, ENFORCEMENT_RE } from '../cues';
import { defineRule } from '../types';

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
