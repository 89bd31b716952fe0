import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateSegments,
  factorByFirstLetter,
  PREFILTER_STEMS,
  prefilter,
  prefilterHits,
} from '../../src/core/prefilter';

describe('prefilter', () => {
  it.each([
    'Des cyberattaques ont visé le Parlement.',
    'Une cyber-attaque a frappé la mairie.',
    'La cyberattaque chinoise a duré des mois.',
    'Le piratage des serveurs a été découvert.',
    'Des pirates informatiques ont été arrêtés.',
    'Une campagne de cyberespionnage a été révélée.',
    'Un logiciel malveillant a été installé.',
    'Les rançongiciels se multiplient.',
    'Le vol de données a touché 3 millions de clients.',
    'Une surveillance de masse a été dénoncée.',
    'Une attaque informatique a paralysé l’hôpital.',
    'Hackers broke into the network.',
    'The breach exposed customer records.',
    'An intrusion was detected on Tuesday.',
    'The espionage campaign lasted years.',
    'Ransomware crippled the pipeline.',
    'APT31 targeted lawmakers.',
    'APT 28 was named in the report.',
    'Volt Typhoon pre-positioned itself in networks.',
    'LockBit claimed the attack.',
    'A DDoS knocked the site offline.',
  ])('flags %s', (text) => {
    expect(prefilter(text)).toBe(true);
  });

  it.each(['The council approved the budget for road repairs.', 'Le marché du samedi a attiré de nombreux visiteurs.'])(
    'ignores %s',
    (text) => {
      expect(prefilter(text)).toBe(false);
    },
  );

  it('over-approximates on purpose: a group name in another sense is still a candidate', () => {
    // The prefilter only decides what the NLP stage sees; the extractor rejects it.
    expect(prefilter('The Conti family opened a restaurant.')).toBe(true);
  });

  it('is word-bounded for group names', () => {
    expect(prefilter('The talks will continue next week.')).toBe(false);
    expect(prefilter('Water levels revolted nobody.')).toBe(false);
  });

  it('returns hit offsets in order', () => {
    const text = 'Calm day. Hackers struck. More calm. Une cyberattaque.';
    const hits = prefilterHits(text);
    expect(hits).toEqual([text.indexOf('Hackers'), text.indexOf('cyberattaque')]);
  });

  it('selects candidate sentences and speaker introductions only', () => {
    const text =
      'The weather was fine. Wang Wenbin, porte-parole du ministère, a parlé. Rien à signaler. Des pirates ont frappé.';
    const c = candidateSegments(text).map((s) => s.text);
    expect(c).toEqual(['Wang Wenbin, porte-parole du ministère, a parlé.', 'Des pirates ont frappé.']);
    expect(candidateSegments(text, undefined, { context: false }).map((s) => s.text)).toEqual([
      'Des pirates ont frappé.',
    ]);
    expect(candidateSegments('Nothing to see here. Wang Wenbin, spokesman, spoke.')).toEqual([]);
  });

  it('on a page about cyber operations, also reads the sentence after a candidate and nearby sentences of attribution', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Filler sentence number ${i} about the weather.`).join(' ');
    const text = `Hackers breached the ministry's network. The outage lasted two days. Officials blamed Moscow. ${filler} A ransomware attack hit the port. ${filler} Critics later blamed the mayor for the delay.`;
    const picked = candidateSegments(text).map((s) => s.text);
    expect(picked).toContain('The outage lasted two days.');
    expect(picked).toContain('Officials blamed Moscow.');
    // Far from any candidate: not read.
    expect(picked).not.toContain('Critics later blamed the mayor for the delay.');
  });

  it('reads no context on a page with a single cyber sentence, unless the caller says the page is about cyber', () => {
    const text =
      'A hacker was mentioned once. The band played. The crowd sang. Officials blamed Moscow for the attack.';
    // The two sentences after a candidate are read on any page; attribution sentences further on are not.
    expect(candidateSegments(text).map((s) => s.text)).toEqual([
      'A hacker was mentioned once.',
      'The band played.',
      'The crowd sang.',
    ]);
    expect(candidateSegments('Officials blamed Moscow for the attack.', undefined, { cyberTopic: true })).toHaveLength(
      1,
    );
    expect(candidateSegments('Officials blamed Moscow for the attack.')).toEqual([]);
  });

  it('passes named incidents and their victims, accents or not', () => {
    expect(prefilter('Washington never doubted that Pyongyang was behind the attack on Sony.')).toBe(true);
    expect(prefilter('NotPetya coûta des milliards.')).toBe(true);
    expect(prefilter("L'attaque contre TV5Monde a surpris.")).toBe(true);
  });
});

describe('the factored lexicon expression', () => {
  it('factors stems by their first letter and keeps the others whole', () => {
    expect(factorByFirstLetter(['cyber', 'compromis', 'exploit', '[dD]erob', 'z?ero'])).toBe(
      'c(?:yber|ompromis)|exploit|[dD]erob|z?ero',
    );
  });

  it('finds the same positions as the plain list of stems, on every labelled sentence', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures');
    const corpus = ['news-dev', 'news-blind', 'labelled', 'heldout']
      .flatMap((set) => ['en', 'fr'].map((lang) => readFileSync(join(dir, set, `${lang}.jsonl`), 'utf8')))
      .join('\n');
    const positions = (source: string) => [...corpus.matchAll(new RegExp(source, 'gi'))].map((m) => m.index);
    const plain = positions(`(?:${PREFILTER_STEMS.join('|')})`);
    expect(plain.length).toBeGreaterThan(1000);
    expect(positions(`(?:${factorByFirstLetter(PREFILTER_STEMS)})`)).toEqual(plain);
  });
});
