import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { ClaimIndex } from '../../src/core/match';
import { hostOf, QUOTE_MAX_WORDS } from '../../src/core/pack/quality';
import REPUBLISHING from '../../src/core/pack/republishers.json';
import { SEED_PACK } from '../../src/data/seed-pack';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const detector = new Detector();
const index = new ClaimIndex(detector.gazetteer).addPack(SEED_PACK);

function countersFor(text: string) {
  return detector.detect(text).allegations.map((a) => ({
    allegation: a,
    counters: index.counterStatements(
      { text: a.text, stance: a.stance, accused: a.accused, accuser: a.accuser, action: a.action },
      5,
    ),
  }));
}

describe('the seed claim pack', () => {
  it('has at least 60 sourced statements in English and French', () => {
    expect(SEED_PACK.claims.length).toBeGreaterThanOrEqual(60);
    const langs = new Set(SEED_PACK.claims.map((c) => c.lang));
    expect(langs).toContain('en');
    expect(langs).toContain('fr');
    for (const c of SEED_PACK.claims) {
      expect(c.source.url, c.id).toMatch(/^https?:\/\/[^/]+\.[^/]+/);
      expect(c.source.publisher.length, c.id).toBeGreaterThan(1);
      // Paraphrases, with at most one short quoted sentence.
      if (c.quote !== undefined) expect(c.quote.split(/\s+/).length, c.id).toBeLessThanOrEqual(40);
    }
  });

  it('covers every side: attributions and the denials or counter-accusations that answer them', () => {
    const stances = new Set(SEED_PACK.claims.map((c) => c.stance));
    for (const s of ['attribution', 'denial', 'counter_accusation']) expect(stances).toContain(s);
    expect(SEED_PACK.incidents.length).toBeGreaterThanOrEqual(8);
    expect(SEED_PACK.relations.length).toBeGreaterThanOrEqual(20);
    const speakers = new Set(SEED_PACK.claims.map((c) => c.speakerActor));
    for (const a of ['CN', 'US', 'GB', 'BE', 'RU', 'KP']) expect(speakers).toContain(a);
  });

  it('answers the Belgian MP’s article (004) with China’s denials of the APT31 accusations', () => {
    const results = countersFor(seed('004_3230cb9ee75ed065.txt'));
    expect(results.length).toBeGreaterThan(0);
    const denials = results.flatMap((r) =>
      r.counters.slice(0, 3).filter((c) => c.claim.stance === 'denial' && c.claim.speakerActor === 'CN'),
    );
    expect(denials.length).toBeGreaterThan(0);
    expect(denials.some((d) => /APT31|IPAC|parlement|parliament|Belgi/i.test(`${d.claim.text} ${d.why}`))).toBe(true);
  });

  it('answers the Xinhua article (000) with US and allied attributions of cyber operations to China', () => {
    const results = countersFor(seed('000_199f7c9799e26bae.txt'));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const top = r.counters.slice(0, 5);
      expect(
        top.some(
          (c) =>
            c.claim.accused.some((a) => a === 'CN' || detector.gazetteer.stateOf(a) === 'CN') &&
            c.claim.speakerActor !== 'CN',
        ),
        r.allegation.text,
      ).toBe(true);
    }
  });
});

describe('the seed pack, audited (issue 11)', () => {
  const quoted = SEED_PACK.claims.flatMap((c) => (c.quote === undefined ? [] : [{ id: c.id, quote: c.quote }]));

  it('quotes are at most one short sentence, the speaker’s words as published', () => {
    expect(quoted.length).toBeGreaterThan(100);
    for (const { id, quote } of quoted) {
      expect(quote.trim(), id).toBe(quote);
      expect(quote.split(/\s+/).length, id).toBeLessThanOrEqual(QUOTE_MAX_WORDS);
      expect(quote.length, id).toBeLessThanOrEqual(300);
      // One sentence: no sentence end followed by another sentence.
      expect(quote, id).not.toMatch(/[.!?]["”»’]?\s+["“«‘]?\p{Lu}/u);
      // Verbatim-looking: no elision marks joining fragments, no editorial insertions, no
      // quotation marks of its own (the words are stored bare; the card adds the marks).
      expect(quote, id).not.toMatch(/…|\.\.\.|\[|\]/);
      expect(quote, id).not.toMatch(/^["“«„]|["”»]$/);
    }
  });

  it('cites no refused host: no staging copy, no mirror of an original that exists', () => {
    const refused: string[] = REPUBLISHING.refused;
    expect(refused).toEqual(expect.arrayContaining(['packetstormsecurity.com', 'staging.libe.io', 'msn.com']));
    const staging = new RegExp(REPUBLISHING.stagingHostPattern);
    for (const c of SEED_PACK.claims) {
      const host = hostOf(c.source.url);
      expect(staging.test(host), `${c.id} ${host}`).toBe(false);
      expect(
        refused.some((h) => host === h || host.endsWith(`.${h}`)),
        `${c.id} ${host}`,
      ).toBe(false);
    }
  });

  it('a statement from a foreign ministry press conference cites that day’s transcript', () => {
    const transcripts = SEED_PACK.claims.filter((c) => /(^|\.)(fmprc|mfa)\.gov\.cn$/.test(hostOf(c.source.url)));
    const dated = transcripts.flatMap((c) => {
      const day = /\/t(\d{8})_/.exec(c.source.url)?.[1];
      return day === undefined ? [] : [{ id: c.id, day, date: c.date.replaceAll('-', '') }];
    });
    expect(dated.length).toBeGreaterThanOrEqual(3);
    for (const d of dated) expect(d.day, d.id).toBe(d.date);
  });

  it('a statement made in the House of Commons cites the Commons record of that day', () => {
    const hansard = SEED_PACK.claims.filter((c) => hostOf(c.source.url) === 'hansard.parliament.uk');
    expect(hansard.length).toBeGreaterThan(0);
    for (const c of hansard.filter((x) => /House of Commons/.test(x.text)))
      expect(new URL(c.source.url).pathname, c.id).toMatch(new RegExp(`^/Commons/${c.date}/`));
  });
});
