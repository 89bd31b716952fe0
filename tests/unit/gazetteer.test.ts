import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorsFromMispGalaxy } from '../../src/core/actors';
import { Detector } from '../../src/core/detect';

const g = new Detector().gazetteer;
const ids = (text: string) => g.find(text).map((m) => g.normalise(m.id));

describe('gazetteer', () => {
  it.each([
    ['Beijing and Pékin, China, la Chine, the PRC, le Parti communiste chinois', ['CN', 'CN', 'CN', 'CN', 'CN']],
    ['Washington, the United States, les Etats-Unis, les États-Unis, the NSA', ['US', 'US', 'US', 'US', 'US']],
    ['Moscou, the Kremlin, Russia, the GRU, the SVR', ['RU', 'RU', 'RU', 'RU', 'RU']],
    ['Pyongyang, la Corée du Nord, North Korea', ['KP', 'KP', 'KP']],
    ['Téhéran, Iran', ['IR', 'IR']],
  ])('normalises states, metonyms and agencies: %s', (text, expected) => {
    const found = ids(text);
    for (const e of new Set(expected)) expect(found).toContain(e);
    expect(found.every((f) => expected.includes(f))).toBe(true);
  });

  it('resolves demonyms in English (capitalised) and French (any inflection)', () => {
    expect(ids('Chinese hackers')).toEqual(['CN']);
    expect(ids('des pirates chinois, une cyberattaque chinoise, des hackers russes, des pirates nord-coréens')).toEqual(
      ['CN', 'CN', 'RU', 'KP'],
    );
    expect(ids('polish the report')).toEqual([]);
    expect(ids('Polish officials')).toEqual(['PL']);
  });

  it('matches acronyms with their exact case only', () => {
    expect(ids('the US said')).toEqual(['US']);
    expect(ids('let us say')).toEqual([]);
  });

  it('does not take newspapers for states: they are media, matched with their exact case', () => {
    expect(ids('according to the Washington Post')).toEqual(['The Washington Post']);
    expect(ids('Selon Le Monde, des pirates ont visé le ministère.')).toEqual(['Le Monde']);
    expect(ids('Le monde entier regarde.')).toEqual([]);
    expect(g.stateOf('Xinhua')).toBe('CN');
  });

  it('knows collectives as parties of their own, not places or brands that share their words', () => {
    expect(ids('NATO accused the Kremlin')).toEqual(['NATO', 'RU']);
    expect(g.normalise('NATO')).toBe('NATO');
    expect(g.stateOf('EU')).toBe('EU');
    expect(ids('the West is waging a hybrid war')).toEqual(['West']);
    expect(ids('settlers in the West Bank')).toEqual([]);
    expect(ids('Western Union was hit')).toEqual([]);
    expect(ids("l'Occident mène une guerre informatique")).toEqual(['West']);
  });

  it('keeps group names unless a state is implied by an agency or official', () => {
    expect(ids('APT31')).toEqual(['APT31']);
    expect(ids('ZIRCONIUM and Judgment Panda and Violet Typhoon')).toEqual(['APT31', 'APT31', 'APT31']);
    expect(g.stateOf(g.find('Judgment Panda')[0]?.id ?? '')).toBe('CN');
    expect(ids('Fancy Bear')).toEqual(['APT28']);
    expect(g.stateOf(g.find('Fancy Bear')[0]?.id ?? '')).toBe('RU');
    expect(ids('Lazarus')).toHaveLength(1);
  });

  it('is extensible from MISP galaxy threat-actor data', () => {
    const misp = JSON.parse(
      readFileSync(new URL('../../../shared/data/misp-galaxy/threat-actor.json', import.meta.url), 'utf8'),
    ) as unknown;
    const actors = actorsFromMispGalaxy(misp);
    const plain = new Detector();
    const extended = new Detector({ actors });
    // A group only MISP knows: its sentence becomes an allegation once the galaxy is imported.
    const onlyInMisp = actors.find(
      (a) => a.state === 'CN' && plain.gazetteer.find(a.id).length === 0 && /^[A-Z][A-Za-z]+ ?[A-Za-z]*$/.test(a.id),
    );
    expect(onlyInMisp).toBeDefined();
    const sentence = `Researchers said ${onlyInMisp?.id} hacked the ministry's email servers.`;
    expect(plain.detect(sentence).allegations).toEqual([]);
    expect(extended.detect(sentence).allegations[0]?.accused).toBe(onlyInMisp?.id);
  });
});
