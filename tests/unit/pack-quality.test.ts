import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPack } from '../../src/cli/pack';
import { builtinGazetteer } from '../../src/core/detect';
import { incidentSides, packProblems, packStats, type QualityResolver } from '../../src/core/pack/quality';
import REPUBLISHING from '../../src/core/pack/republishers.json';
import { type ClaimPack, parsePack } from '../../src/core/pack/schema';
import { SEED_PACK } from '../../src/data/seed-pack';

const g = builtinGazetteer();
const resolver: QualityResolver = {
  stateOf: (id) => g.stateOf(id),
  known: (id) => g.get(id) !== undefined || g.lookup(id) !== undefined,
};

/** A small pack about one invented incident: an attribution, a denial that answers it. */
type Draft = Record<string, unknown> & { claims: Record<string, unknown>[]; relations: unknown[]; actors: unknown[] };

function pack(edit: (p: Draft) => void = () => {}): ClaimPack {
  const claim = (id: string, over: Record<string, unknown>) => ({
    id,
    text: `Statement ${id} in the pack author's words.`,
    lang: 'en',
    speaker: 'Someone',
    speakerActor: 'GB',
    accused: ['RU'],
    accuser: 'GB',
    targets: [],
    action: 'intrusion',
    stance: 'attribution',
    date: '2024-05-01',
    source: { url: `https://www.example.org/${id}`, publisher: 'Example' },
    incident: 'inc',
    ...over,
  });
  const p = {
    format: 'counterpoint-claim-pack',
    formatVersion: 1,
    id: 'test',
    version: 1,
    title: 'test',
    license: 'CC0-1.0',
    publishedAt: '2024-06-01',
    actors: [],
    incidents: [
      {
        id: 'inc',
        name: 'Invented intrusion (2024)',
        names: { en: ['invented intrusion'], fr: ['intrusion inventée'] },
        startDate: '2024-04-01',
        summary: 'An intrusion made up for a test.',
        evidence: { kind: 'attributed_by_governments', basis: 'One government named Russia.', claims: ['a'] },
      },
    ],
    claims: [
      claim('a', {}),
      claim('d', { speakerActor: 'RU', accuser: 'GB', stance: 'denial', date: '2024-05-02', lang: 'fr' }),
    ],
    relations: [{ from: 'd', to: 'a', type: 'denies' }],
  };
  edit(p as unknown as Draft);
  return parsePack(p);
}

describe('pack data rules', () => {
  it('a pack that hears both sides breaks no rule', () => {
    expect(packProblems(pack(), resolver)).toEqual([]);
    const p = pack();
    const [incident] = p.incidents;
    if (incident === undefined) throw new Error('no incident');
    const sides = incidentSides(incident, p.claims, resolver);
    expect(sides).toMatchObject({ accused: ['RU'], accusingSide: 1, accusedSide: 1, allSides: true });
  });

  it('an incident whose accused state is not heard breaks the all-sides rule', () => {
    const p = pack((x) => {
      x.claims.pop();
      x.relations = [];
    });
    expect(packProblems(p, resolver)).toEqual([
      'incidents[0] (inc): no statement from the accused side (RU), nor a report that it did not answer (a context statement tagged no-comment)',
    ]);
  });

  it('a publisher’s report that the accused did not answer records its silence', () => {
    const p = pack((x) => {
      const [a] = x.claims as [Record<string, unknown>];
      x.claims[1] = { ...a, id: 'd', speakerActor: 'Reuters', stance: 'context', tags: ['no-comment'] };
      x.relations = [{ from: 'd', to: 'a', type: 'contextualises' }];
      x.actors = [{ id: 'Reuters', kind: 'organisation', names: { en: ['Reuters'], fr: ['Reuters'] } }];
    });
    expect(packProblems(p, resolver)).toEqual([]);
    expect(packStats(p, resolver)).toMatchObject({ incidentsWithAllSides: 1, incidentsAccusedSilent: 1 });
  });

  it('an agency speaks for its state; a group with no state behind it needs no spokesperson', () => {
    const byAgency = pack((x) => {
      (x.claims[1] as Record<string, unknown>).speakerActor = 'FSB';
    });
    expect(packProblems(byAgency, resolver)).toEqual([]);
    const gang = pack((x) => {
      x.claims.pop();
      x.relations = [];
      x.actors = [{ id: 'Invented Gang', kind: 'group', names: { en: ['Invented Gang'], fr: ['Invented Gang'] } }];
      (x.claims[0] as Record<string, unknown>).accused = ['Invented Gang'];
    });
    expect(packProblems(gang, resolver)).toEqual([]);
  });

  it('names each breach: long quotes, repeated quotes, unknown actors, answers older than the claim, staging and republished sources', () => {
    const p = pack((x) => {
      const [a, d] = x.claims as [Record<string, unknown>, Record<string, unknown>];
      a.quote = 'One. Two sentences is too many.';
      a.speakerActor = 'Nobody We Know';
      d.date = '2024-04-01';
      d.quote = 'Statement d';
      d.source = { url: 'https://staging.example.org/x', publisher: 'Example' };
      x.claims.push({
        ...a,
        id: 'r',
        quote: undefined,
        speakerActor: 'GB',
        source: { url: 'https://news.yahoo.com/x', publisher: 'Yahoo News' },
      });
    });
    const problems = packProblems(p, resolver);
    expect(problems).toContain('claims[0] (a): unknown actor "Nobody We Know" (add it to the pack\'s actors)');
    expect(problems).toContain('claims[0] (a): quote longer than one short sentence');
    expect(problems).toContain('claims[1] (d): the paraphrase repeats the quote');
    expect(problems).toContain(
      'claims[1] (d): source on a staging or CDN host (staging.example.org): cite the production host',
    );
    expect(problems.some((m) => m.startsWith('claims[2] (r): source republished by news.yahoo.com'))).toBe(true);
    expect(problems).toContain('relations[0]: d (2024-04-01) answers a, which is later (2024-05-01)');
  });

  it('a republished copy is fine when the publisher names the original', () => {
    const p = pack((x) => {
      (x.claims[0] as Record<string, unknown>).source = {
        url: 'https://news.yahoo.com/x',
        publisher: 'Reuters (via Yahoo News)',
      };
    });
    expect(packProblems(p, resolver)).toEqual([]);
  });
  it('refuses a source on a refused host (a staging copy, a pure mirror) even when the original is named', () => {
    expect(REPUBLISHING.refused.length).toBeGreaterThan(0);
    for (const host of REPUBLISHING.refused) {
      for (const url of [`https://${host}/story/1`, `https://www.${host}/story/1`, `https://news.${host}/story/1`]) {
        const p = pack((x) => {
          (x.claims[0] as Record<string, unknown>).source = { url, publisher: 'VICE (via a mirror)' };
        });
        const shown = new URL(url).hostname.replace(/^www\./, '');
        // A staging copy may already be caught by the staging pattern; either way, one refusal.
        const problems = packProblems(p, resolver);
        expect(problems, url).toHaveLength(1);
        expect(problems[0], url).toContain(`claims[0] (a): source on a `);
        expect(problems[0], url).toMatch(
          new RegExp(REPUBLISHING.stagingHostPattern).test(shown) ? /staging or CDN host/ : /refused host/,
        );
        expect(problems[0], url).toContain(`(${shown})`);
      }
    }
    // A host that merely ends with the same letters is another site.
    const lookalike = pack((x) => {
      (x.claims[0] as Record<string, unknown>).source = { url: 'https://notmsn.com/x', publisher: 'Not MSN' };
    });
    expect(packProblems(lookalike, resolver)).toEqual([]);
  });
});

describe('the built-in claim data', () => {
  const stats = packStats(SEED_PACK, resolver);

  it('covers at least 40 incidents and 400 statements, in English and French', () => {
    expect(stats.incidents).toBeGreaterThanOrEqual(40);
    expect(stats.statements).toBeGreaterThanOrEqual(400);
    expect(stats.statementsByLang.en).toBeGreaterThanOrEqual(200);
    expect(stats.statementsByLang.fr).toBeGreaterThanOrEqual(100);
  });

  it('gives every incident an evidence status with its basis, names in both languages and every side heard', () => {
    expect(stats.incidentsWithStatus).toBe(stats.incidents);
    for (const inc of SEED_PACK.incidents) {
      expect(inc.evidence?.basis.length, inc.id).toBeGreaterThan(20);
      expect(inc.evidence?.claims.length, inc.id).toBeGreaterThan(0);
      expect(inc.names?.en.length, inc.id).toBeGreaterThan(0);
      expect(inc.names?.fr.length, inc.id).toBeGreaterThan(0);
      // The press name with its year: "Sony Pictures hack (2014)".
      expect(inc.name, inc.id).toMatch(/\([^()]*\d{4}[^()]*\)$/);
    }
    expect(stats.perIncident.filter((s) => !s.allSides).map((s) => s.id)).toEqual([]);
    expect(stats.incidentsWithAllSides).toBe(stats.incidents);
  });

  it('breaks none of the data rules', () => {
    expect(packProblems(SEED_PACK, resolver)).toEqual([]);
  });

  it('gives every statement a dated, attributed, sourced record', () => {
    for (const c of SEED_PACK.claims) {
      expect(c.speaker.length, c.id).toBeGreaterThan(2);
      expect(c.date <= new Date().toISOString().slice(0, 10), c.id).toBe(true);
      expect(c.date >= '2000-01-01', c.id).toBe(true);
      expect(c.incident, c.id).toBeDefined();
      if (c.quote !== undefined) expect(c.text.includes(c.quote), c.id).toBe(false);
    }
  });

  it('relations join statements of one incident, and no answer is older than what it answers', () => {
    const byId = new Map(SEED_PACK.claims.map((c) => [c.id, c]));
    for (const r of SEED_PACK.relations) {
      const from = byId.get(r.from);
      const to = byId.get(r.to);
      expect(from?.incident, `${r.from} → ${r.to}`).toBe(to?.incident);
      if (r.type === 'denies' || r.type === 'counter_accuses')
        expect((from?.date ?? '') >= (to?.date ?? ''), `${r.from} → ${r.to}`).toBe(true);
    }
  });
});

describe('pack stats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-stats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runPack(args, {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  };

  it('--json prints one object with the coverage figures of the built-in data', async () => {
    const r = await run(['stats', '--json']);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ['incidents', 'statements', 'incidentsWithAllSides', 'statementsByLang', 'hosts', 'problems'])
      expect(json, key).toHaveProperty(key);
    expect(json.incidents).toBe(SEED_PACK.incidents.length);
    expect(json.statements).toBe(SEED_PACK.claims.length);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints a table for a given pack and exits 1 naming each broken rule', async () => {
    const lopsided = pack((x) => {
      x.claims.pop();
      x.relations = [];
    });
    const file = join(dir, 'lopsided.json');
    writeFileSync(file, JSON.stringify(lopsided));
    const r = await run(['stats', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^test v1\nincidents +1 \(0 heard from every side that spoke; 1 with an evidence status\)/,
    );
    expect(r.stdout).toContain('Invented intrusion (2024)');
    expect(r.stdout).toContain('no (RU not heard)');
    expect(r.stdout).toContain('no statement from the accused side (RU)');
  });

  it('refuses an invalid pack, a missing file and a bad option', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "nope"}');
    expect((await run(['stats', bad])).code).toBe(1);
    expect((await run(['stats', join(dir, 'missing.json')])).code).toBe(2);
    expect((await run(['stats', '--csv'])).code).toBe(2);
  });
});
