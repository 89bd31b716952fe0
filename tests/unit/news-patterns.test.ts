/**
 * The ten constructions of real news that issue 8 lists, each in English and
 * French, in sentences written for this test: the detector must find the
 * allegation and name its parties and stance. `context` sentences come before
 * the tested one on the same page.
 */
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import type { Allegation } from '../../src/core/types';

interface Case {
  text: string;
  context?: string[];
  expect: Partial<Pick<Allegation, 'stance' | 'accused' | 'accuser'>>;
}

const detector = new Detector();

function detectIn(c: Case): Allegation | undefined {
  const before = c.context === undefined ? '' : `${c.context.join('\n\n')}\n\n`;
  return detector.detect(before + c.text).allegations.find((a) => a.start >= before.length);
}

const PATTERNS: Record<string, Case[]> = {
  '1. accusation verbs with long, quoted or interrupted objects': [
    {
      text: 'Britain on Thursday accused “the Russian intelligence services, and above all the military’s GRU,” of orchestrating the intrusion into the electoral watchdog.',
      expect: { stance: 'accusation', accused: 'RU', accuser: 'GB' },
    },
    {
      text: "Londres a accusé mardi « les services russes, et en particulier le renseignement militaire », d'être derrière ce piratage.",
      expect: { stance: 'accusation', accused: 'RU', accuser: 'GB' },
    },
  ],
  '2. nominal allegations': [
    {
      text: '“American cyber-theft is condemned everywhere,” the spokesman in Beijing added.',
      expect: { stance: 'accusation', accused: 'US' },
    },
    { text: 'Le cyberespionnage nord-coréen inquiète Séoul.', expect: { stance: 'accusation', accused: 'KP' } },
  ],
  '3. counter-accusations by role or metaphor': [
    {
      text: 'Beijing’s envoy replied that Washington behaves as “the first hacker of the world”.',
      expect: { stance: 'counter_accusation', accused: 'US', accuser: 'CN' },
    },
    {
      text: 'The Chinese agency countered by accusing Washington of running cyber-warfare units.',
      expect: { stance: 'counter_accusation', accused: 'US', accuser: 'CN' },
    },
    {
      text: '« Les États-Unis sont le véritable empire du piratage », a rétorqué le porte-parole chinois.',
      expect: { stance: 'counter_accusation', accused: 'US', accuser: 'CN' },
    },
  ],
  '4. denials without the textbook shape': [
    {
      text: "Moscou n'a rien à voir, et n'aura jamais rien à voir, avec ces piratages, a assuré le Kremlin.",
      expect: { stance: 'denial', accused: 'RU' },
    },
    {
      text: 'Pyongyang proposed investigating the hack of the studio jointly with Washington to show its innocence.',
      expect: { stance: 'denial', accused: 'KP' },
    },
    {
      text: 'The group is said to be tied to Beijing, but China calls the hacking claims baseless.',
      expect: { stance: 'denial', accused: 'CN' },
    },
    {
      text: "Pékin propose une enquête conjointe sur ce piratage pour prouver son innocence, a indiqué l'ambassade.",
      expect: { stance: 'denial', accused: 'CN' },
    },
  ],
  '5. passive and participial attribution': [
    {
      text: "Ce mode opératoire est attribué par l'UE à la Russie.",
      context: ['Des pirates ont visé une douzaine de ministères européens.'],
      expect: { stance: 'accusation', accused: 'RU', accuser: 'EU' },
    },
    {
      text: 'The phishing wave came from a cluster generally attributed to Russia’s military intelligence.',
      expect: { stance: 'accusation', accused: 'RU' },
    },
    {
      text: 'Investigators are looking into whether Tehran was also behind Monday’s incident.',
      context: ['Hackers wiped the servers of a water utility on Monday.'],
      expect: { stance: 'accusation', accused: 'IR' },
    },
    {
      text: 'Une opération menée par Pyongyang aurait permis de dérober les plans des chantiers navals.',
      expect: { stance: 'accusation', accused: 'KP' },
    },
  ],
  '6. the operation named by its incident or a generic noun': [
    {
      text: 'Officials blamed the SolarWinds breach on Moscow’s foreign intelligence service.',
      expect: { stance: 'accusation', accused: 'RU' },
    },
    {
      text: "Washington a imputé l'attaque contre Sony à la Corée du Nord.",
      expect: { stance: 'accusation', accused: 'KP', accuser: 'US' },
    },
    {
      text: 'Officials blamed Moscow.',
      context: ['Hackers cripple defence ministry network', 'The outage lasted two days and halted payroll.'],
      expect: { stance: 'accusation', accused: 'RU' },
    },
    {
      text: 'Les autorités ont imputé cette opération à Moscou.',
      context: ['Une cyberattaque a paralysé le réseau du ministère pendant deux jours.'],
      expect: { stance: 'accusation', accused: 'RU' },
    },
  ],
  '7. accused that are not states': [
    {
      text: 'A group calling itself Cyber Army of the Steppe claimed the hack of the rail operator.',
      expect: { stance: 'accusation', accused: 'Cyber Army of the Steppe', accuser: null },
    },
    {
      text: 'Moscow accused the Five Eyes of running a vast surveillance campaign against its diplomats.',
      expect: { stance: 'accusation', accused: 'Five Eyes', accuser: 'RU' },
    },
    {
      text: "Le rançongiciel Ryuk serait à l'origine de la paralysie de l'hôpital, selon l'Anssi.",
      expect: { stance: 'accusation', accused: 'Ryuk', accuser: 'FR' },
    },
    {
      text: "Pour Moscou, c'est l'Occident qui mène une guerre informatique contre la Russie.",
      expect: { accused: 'West', accuser: 'RU' },
    },
  ],
  '8. verbless and passive headlines': [
    {
      text: "La Russie accusée par Paris d'avoir piraté des ministères",
      expect: { stance: 'accusation', accused: 'RU', accuser: 'FR' },
    },
    {
      text: 'China accused of cyberattacks by Washington and London',
      expect: { stance: 'accusation', accused: 'CN', accuser: 'US' },
    },
    {
      text: 'North Korea behind $300 million crypto heist, FBI says',
      expect: { stance: 'accusation', accused: 'KP', accuser: 'US' },
    },
  ],
  '9. speakers that are media, researchers or companies, and reported speech': [
    {
      text: 'Chinese state hackers broke into the newspaper’s systems, The New York Times reported.',
      expect: { stance: 'accusation', accused: 'CN', accuser: 'The New York Times' },
    },
    {
      text: 'Selon Mandiant, des pirates iraniens ont visé des opérateurs télécoms du Golfe.',
      expect: { stance: 'accusation', accused: 'IR', accuser: 'Mandiant' },
    },
    {
      text: '« Ce sont les États-Unis qui mènent des cyberattaques contre le monde entier », a dit M. Wang.',
      context: [
        'Wang Wenbin, porte-parole du ministère chinois des Affaires étrangères, a répondu mardi aux journalistes.',
      ],
      expect: { accused: 'US', accuser: 'CN' },
    },
  ],
  '10. stance traps': [
    {
      text: 'The head of Moscow’s intelligence service rejected any role of his agency in the breach of the US Treasury.',
      expect: { stance: 'denial', accused: 'RU' },
    },
    {
      text: 'Pékin a rétorqué en accusant Washington de mener des cyberattaques contre ses universités.',
      expect: { stance: 'counter_accusation', accused: 'US', accuser: 'CN' },
    },
    {
      text: 'Beijing hit back by accusing Washington of hacking the servers of its telecom champion.',
      expect: { stance: 'counter_accusation', accused: 'US', accuser: 'CN' },
    },
  ],
};

for (const [pattern, cases] of Object.entries(PATTERNS)) {
  describe(pattern, () => {
    it.each(cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
      expect(detectIn(c)).toMatchObject(c.expect);
    });
  });
}
