import { describe, expect, it } from 'vitest';
import { findAdHocGroups, findContextualStates } from '../../src/core/actors/adhoc';
import { Detector } from '../../src/core/detect';

const names = (text: string) => findAdHocGroups(text, []).map((m) => m.surface);

describe('groups named in the sentence itself', () => {
  it.each([
    ['A previously unknown group calling itself the Guardians of Peace claimed the intrusion.', 'Guardians of Peace'],
    ['The hack, claimed by a group calling itself Handala, exposed staff data.', 'Handala'],
    ["L'intrusion a été revendiquée par un groupe se faisant appeler « CyberCaliphate ».", 'CyberCaliphate'],
    ["Le groupe Play a revendiqué jeudi l'opération sur son site vitrine.", 'Play'],
    ['Akira, the gang behind the attack, is known for breaking into companies.', 'Akira'],
    ['The Akira ransomware group claimed the attack on the council.', 'Akira'],
    ['Un faux site a été attribué à Storm-1516, un mode opératoire déjà connu.', 'Storm-1516'],
    ['Les enquêteurs y voient la main de MirrorFace.', 'MirrorFace'],
  ])('%s → %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('does not take a company or a reporting clause for a threat group', () => {
    expect(
      names("Le groupe Thales a annoncé le rachat d'une start-up spécialisée dans la détection d'intrusions."),
    ).toEqual([]);
    expect(names('The group said on Telegram that it had done it.')).toEqual([]);
    expect(names('Moscow, the group said, had nothing to do with it.')).toEqual([]);
  });

  it('leaves names the actor tables know to them', () => {
    const detector = new Detector();
    const text = 'A group calling itself Lazarus claimed the theft.';
    expect(findAdHocGroups(text, detector.gazetteer.find(text))).toEqual([]);
  });

  it('makes the claiming group the accused, with no accuser', () => {
    const [a] = new Detector().detect(
      'A group calling itself Solntsepyok claimed responsibility for the attack on Kyivstar, boasting that it had destroyed thousands of servers.',
    ).allegations;
    expect(a).toMatchObject({ stance: 'accusation', accused: 'Solntsepyok', accuser: null });
  });
});

describe('states named by a relative word', () => {
  it('reads "the North" as North Korea only beside the Koreas', () => {
    const text = "Hours later, Seoul's spy agency accused the North of stealing design data from shipbuilders.";
    expect(findContextualStates(text, []).map((m) => [m.surface, m.id])).toEqual([['North', 'KP']]);
    expect(findContextualStates('Cold air from the North will bring snow, forecasters said.', [])).toEqual([]);
    expect(new Detector().detect(text).allegations[0]).toMatchObject({ accused: 'KP', accuser: 'KR' });
  });
});
