import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import type { Allegation } from '../../src/core/types';

const detector = new Detector();
const one = (text: string): Allegation | undefined => {
  const r = detector.detect(text);
  expect(r.allegations.length).toBeLessThanOrEqual(1);
  return r.allegations[0];
};

type Case = [text: string, expected: Partial<Allegation> | null];

const ENGLISH: Case[] = [
  [
    'Chinese state-sponsored hackers broke into the email accounts of Belgian lawmakers.',
    { accused: 'CN', accuser: null, stance: 'accusation' },
  ],
  [
    'Britain accused Russia’s GRU of a years-long hacking campaign against its election systems.',
    { accused: 'RU', accuser: 'GB', stance: 'accusation' },
  ],
  ['The intrusion was attributed to APT31 by the Belgian government.', { accused: 'APT31', accuser: 'BE' }],
  ['North Korean hackers allegedly stole $600 million in cryptocurrency.', { accused: 'KP', hedged: true }],
  ['Beijing dismissed the hacking accusations as groundless smears.', { accused: 'CN', stance: 'denial' }],
  [
    'The Kremlin denied any involvement in the cyberattack on the Danish water utility.',
    { accused: 'RU', stance: 'denial' },
  ],
  [
    'China’s foreign ministry said the United States is the world’s biggest hacker empire.',
    { accused: 'US', accuser: 'CN', stance: 'counter_accusation' },
  ],
  [
    'Microsoft said a China-based group it calls Volt Typhoon had compromised critical infrastructure in Guam.',
    { accused: 'CN', accuser: 'Microsoft' },
  ],
  [
    'Iran-linked hackers are suspected of disrupting water systems in Pennsylvania, officials said.',
    { accused: 'IR', hedged: true },
  ],
  // Not allegations.
  ['Microsoft released a patch for a critical flaw in Exchange Server on Tuesday.', null],
  ['A ransomware attack shut down a hospital in Düsseldorf; no group has claimed it.', null],
  ['UN member states agreed on voluntary norms of responsible state behaviour in cyberspace.', null],
  ['Belgium must attribute cyberattacks to the states responsible, the senator said.', null],
  ['France is strengthening its cyber defences ahead of the Olympic Games.', null],
  ['Hackers stole the personal data of millions of customers of the Australian telecom firm.', null],
];

const FRENCH: Case[] = [
  [
    'Des pirates informatiques chinois auraient infiltré les serveurs du Parlement.',
    { accused: 'CN', hedged: true, lang: 'fr' },
  ],
  ['La Belgique a attribué à la Chine la cyberattaque contre le SPF Intérieur.', { accused: 'CN', accuser: 'BE' }],
  ['Pékin rejette ces accusations de cyberespionnage, qu’il juge infondées.', { accused: 'CN', stance: 'denial' }],
  [
    'Selon l’ANSSI, le groupe APT28 mène depuis 2021 des campagnes d’espionnage contre des ministères français.',
    { accused: 'APT28', accuser: 'FR' },
  ],
  ['Moscou nie toute implication dans le piratage des systèmes électoraux.', { accused: 'RU', stance: 'denial' }],
  [
    '« Le véritable empire du piratage, ce sont les États-Unis », a rétorqué le porte-parole de la diplomatie chinoise.',
    { accused: 'US', accuser: 'CN', stance: 'counter_accusation' },
  ],
  [
    'Washington accuse Téhéran d’avoir orchestré des cyberattaques contre des banques américaines.',
    { accused: 'IR', accuser: 'US' },
  ],
  // Not allegations.
  ['La France renforce sa cyberdéfense avant les Jeux olympiques.', null],
  ['Une faille dans un logiciel de messagerie a été corrigée mardi par l’éditeur.', null],
  ['Des députés belges ont été visés par une campagne d’hameçonnage, sans que l’auteur soit identifié.', null],
  ['Il faut attribuer les cyberattaques aux États responsables et les dénoncer par la voie diplomatique.', null],
];

describe.each([
  ['English', ENGLISH],
  ['French', FRENCH],
])('%s sentences', (_name, cases) => {
  it.each(cases)('%s', (text, expected) => {
    const a = one(text);
    if (expected === null) {
      expect(a).toBeUndefined();
      return;
    }
    expect(a).toBeDefined();
    expect(a).toMatchObject(expected);
    expect(text.slice(a?.start, a?.end)).toBe(a?.text);
  });
});

describe('documents', () => {
  it('resolves a spokesperson introduced earlier ("M. Wang") to the state he speaks for', () => {
    const text =
      'Wang Wenbin, porte-parole du ministère chinois des Affaires étrangères, a répondu aux questions mercredi. ' +
      'Washington mène une surveillance massive et aveugle et des vols de données, a indiqué M. Wang.';
    const r = detector.detect(text);
    expect(r.allegations).toHaveLength(1);
    expect(r.allegations[0]).toMatchObject({ accused: 'US', accuser: 'CN' });
  });

  it('offsets point into the original text, across sentences and languages', () => {
    const text =
      'Markets were calm.\n\nRussian military hackers breached the ministry, officials said. Le temps était doux. ' +
      'Des pirates nord-coréens ont dérobé des cryptomonnaies.';
    const r = detector.detect(text);
    expect(r.allegations.map((a) => a.accused)).toEqual(['RU', 'KP']);
    for (const a of r.allegations) expect(text.slice(a.start, a.end)).toBe(a.text);
    expect(r.allegations.map((a) => a.lang)).toEqual(['en', 'fr']);
  });

  it('the slow whole-text path finds the same allegations', () => {
    const text =
      'The weather was mild. Chinese hackers targeted Belgian MPs, the minister said. Nothing else happened. ' +
      'Beijing denied the hacking accusations.';
    expect(detector.detectWholeText(text)).toEqual(detector.detect(text));
  });
});
