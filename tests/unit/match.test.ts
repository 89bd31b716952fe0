import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { ClaimIndex, type MatchQuery } from '../../src/core/match';
import { normaliseTerms } from '../../src/core/match/terms';
import { type ClaimPack, parsePack } from '../../src/core/pack/schema';

// A synthetic pack for ranking tests (example.org sources): the shipped seed pack is tested separately.
const claim = (over: Partial<ClaimPack['claims'][number]> & { id: string }) => ({
  text: 'A statement.',
  lang: 'en',
  speaker: 'Someone',
  speakerActor: 'US',
  accused: [] as string[],
  accuser: null,
  targets: [] as string[],
  action: 'cyberattack' as const,
  stance: 'accusation' as const,
  date: '2024-03-25',
  source: { url: `https://example.org/${over.id}`, publisher: 'Example' },
  ...over,
});

const pack: ClaimPack = parsePack({
  format: 'counterpoint-claim-pack',
  formatVersion: 1,
  id: 'test',
  version: 1,
  title: 'Test pack',
  license: 'CC0-1.0',
  publishedAt: '2026-11-21',
  actors: [],
  incidents: [
    {
      id: 'apt31-ipac',
      name: 'APT31 targeting of IPAC parliamentarians',
      startDate: '2021-01-01',
      summary: 'x',
      actors: ['APT31'],
    },
  ],
  claims: [
    claim({
      id: 'us-doj',
      speaker: 'US Department of Justice',
      speakerActor: 'US',
      accused: ['APT31', 'CN'],
      accuser: 'US',
      stance: 'attribution',
      text: 'Seven hackers working for APT31 were charged over a campaign against parliamentarians and critics of China.',
      incident: 'apt31-ipac',
    }),
    claim({
      id: 'cn-denial',
      speaker: 'Lin Jian, MFA spokesperson',
      speakerActor: 'CN',
      accused: ['CN'],
      accuser: 'US',
      stance: 'denial',
      text: 'China rejected the APT31 hacking accusations as groundless smears.',
      incident: 'apt31-ipac',
    }),
    claim({
      id: 'cn-counter',
      speaker: 'MFA spokesperson',
      speakerActor: 'CN',
      accused: ['US'],
      accuser: 'CN',
      stance: 'counter_accusation',
      text: 'The spokesperson said the United States is the biggest hacker empire and conducts cyberattacks on its allies.',
    }),
    claim({
      id: 'us-volt',
      speaker: 'CISA, NSA and FBI',
      speakerActor: 'US',
      accused: ['Volt Typhoon', 'CN'],
      accuser: 'US',
      stance: 'attribution',
      text: 'A joint advisory said Chinese state-sponsored hackers pre-positioned in critical infrastructure networks.',
      date: '2024-02-07',
    }),
    claim({
      id: 'gb-ec',
      speaker: 'UK government',
      speakerActor: 'GB',
      accused: ['CN'],
      accuser: 'GB',
      stance: 'attribution',
      text: 'The UK said China-linked actors were behind the compromise of the Electoral Commission.',
    }),
    claim({
      id: 'ru-denial',
      speaker: 'Kremlin',
      speakerActor: 'RU',
      accused: ['RU'],
      accuser: 'US',
      stance: 'denial',
      text: 'The Kremlin denied any involvement in hacking.',
    }),
    claim({
      id: 'page-itself',
      speaker: 'Xinhua',
      speakerActor: 'CN',
      accused: ['US'],
      accuser: 'CN',
      stance: 'accusation',
      text: 'China urged the US to stop indiscriminate cyberattacks.',
      source: { url: 'https://french.news.cn/article-1.htm', publisher: 'Xinhua' },
    }),
  ],
  relations: [{ from: 'cn-denial', to: 'us-doj', type: 'denies' }],
});

const detector = new Detector();
const index = new ClaimIndex(detector.gazetteer).addPack(pack);
const ids = (q: MatchQuery) => index.counterStatements(q).map((s) => s.claim.id);

describe('counter-statement matching', () => {
  it('puts the accused state’s denial first for an accusation, and never an unrelated state', () => {
    const q: MatchQuery = {
      text: 'China-linked APT31 hacked Belgian MPs.',
      stance: 'accusation',
      accused: 'CN',
      accuser: null,
    };
    const res = index.counterStatements(q);
    expect(res[0]?.claim.id).toBe('cn-denial');
    expect(res[0]?.relation).toBe('denies');
    expect(res[0]?.why).toContain('denial by the accused');
    expect(res.map((r) => r.claim.id)).not.toContain('ru-denial');
  });

  it('resolves group aliases to their state (APT31 ↔ CN)', () => {
    const q: MatchQuery = { text: 'APT31 spied on lawmakers.', stance: 'accusation', accused: 'APT31', accuser: null };
    expect(ids(q)[0]).toBe('cn-denial');
    expect(index.counterStatements(q)[0]?.why).toContain('same incident');
  });

  it('for an accusation of the US by China, shows the US attributions to China', () => {
    const q: MatchQuery = {
      text: 'La Chine exhorte les Etats-Unis à cesser leurs cyberattaques aveugles.',
      stance: 'accusation',
      accused: 'US',
      accuser: 'CN',
    };
    const res = index.counterStatements(q);
    const top = res.slice(0, 3).map((r) => r.claim.id);
    expect(top).toEqual(expect.arrayContaining(['us-volt', 'us-doj']));
    const volt = res.find((r) => r.claim.id === 'us-volt');
    expect(volt?.relation).toBe('counter_accuses');
    expect(volt?.why).toMatch(/counter-accusation: US accuses .*CN.*the accuser/);
  });

  it('for a denial, shows the accusations being denied', () => {
    const q: MatchQuery = {
      text: 'Beijing dismissed the hacking charges as a smear.',
      stance: 'denial',
      accused: 'CN',
      accuser: 'US',
    };
    const res = index.counterStatements(q);
    expect(res[0]?.relation).toBe('attributes');
    expect(['us-doj', 'us-volt']).toContain(res[0]?.claim.id);
  });

  it('for a counter-accusation, shows the denial of the newly blamed and the accusation turned back', () => {
    const q: MatchQuery = {
      text: 'China said the US is the real hacker empire.',
      stance: 'counter_accusation',
      accused: 'US',
      accuser: 'CN',
    };
    const res = index.counterStatements(q);
    expect(res.map((r) => r.relation)).toContain('attributes');
    expect(res.find((r) => r.claim.id === 'us-doj')?.why).toContain('turned back');
  });

  it('never returns the allegation’s own source', () => {
    const q: MatchQuery = {
      text: 'China urged the US to stop indiscriminate cyberattacks.',
      stance: 'accusation',
      accused: 'US',
      accuser: 'CN',
      pageUrl: 'https://french.news.cn/article-1.htm#top',
    };
    expect(ids(q)).not.toContain('page-itself');
    expect(ids({ ...q, pageUrl: undefined })).toContain('page-itself');
  });

  it('boosts statements explicitly linked to a top answer', () => {
    const q: MatchQuery = { text: 'Hackers charged.', stance: 'denial', accused: 'CN', accuser: 'US' };
    const res = index.counterStatements(q);
    expect(res.length).toBeGreaterThan(0);
    for (let i = 1; i < res.length; i++) expect(res[i - 1]?.score).toBeGreaterThanOrEqual(res[i]?.score ?? 0);
  });

  it('maps French and English cyber vocabulary to the same terms', () => {
    expect(normaliseTerms('cyberattaques chinoises')).toContain('cyberattack');
    expect(normaliseTerms('Chinese cyber-attacks')).toContain('cyberattack');
    expect(normaliseTerms('le piratage')).toEqual(normaliseTerms('the hacking'));
  });
});

describe('page context', () => {
  it('gives an allegation without accuser the page’s accuser for the same accused', async () => {
    const { inferAccusers } = await import('../../src/core/match');
    expect(
      inferAccusers([
        { accused: 'US', accuser: 'CN' },
        { accused: 'US', accuser: null },
        { accused: 'RU', accuser: null },
        { accused: 'US', accuser: 'CN' },
        { accused: 'US', accuser: 'IR' },
      ]),
    ).toEqual(['CN', 'CN', null, 'CN', 'IR']);
  });
});
