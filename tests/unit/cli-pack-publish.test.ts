/**
 * Publishing packs (issue 11, item 3): `pack build DIR` assembles a folder
 * of claim files, validates, stamps and writes the pack and its checksum;
 * `pack split` makes such a folder from a pack.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPack } from '../../src/cli/pack';
import { assemblePack, splitPack, versionOf } from '../../src/core/pack/build';
import { type ClaimPack, parsePack } from '../../src/core/pack/schema';
import { SEED_PACK } from '../../src/data/seed-pack';

const root = mkdtempSync(join(tmpdir(), 'cp-pack-publish-'));
let n = 0;
const fresh = () => join(root, `case-${++n}`);

const CLOCK = new Date('2026-12-06T03:04:05.678Z');

function makeIO(env: Record<string, string> = {}, now = CLOCK) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
    now: () => now,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function writeTree(dir: string, files: Record<string, unknown>): void {
  for (const [path, json] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(
      target,
      typeof json === 'string' || Buffer.isBuffer(json) ? (json as string | Buffer) : JSON.stringify(json, null, 2),
    );
  }
}

const HEADER = { id: 'newsroom-pack', title: 'A newsroom pack', license: 'CC-BY-4.0' };

function claim(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    text: 'The ministry says the accusation of hacking the parliament is groundless.',
    lang: 'en',
    speaker: 'Ministry spokesman',
    speakerActor: 'CN',
    accused: [],
    accuser: 'US',
    targets: ['parliament'],
    action: 'hacking',
    stance: 'denial',
    date: '2024-05-02',
    source: { url: `https://example.org/${id}`, publisher: 'Example' },
    ...extra,
  };
}

const INCIDENT = {
  id: 'parliament-2024',
  name: 'Parliament intrusion (2024)',
  startDate: '2024-04-01',
  summary: 'An intrusion into the parliament network, attributed by one side and denied by the other.',
};

/** Entries of each section sorted by id (a build orders them by file). */
function normalised(pack: ClaimPack) {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rel = [...pack.relations].sort((a, b) => (`${a.from}>${a.to}` < `${b.from}>${b.to}` ? -1 : 1));
  const { version: _v, publishedAt: _p, ...rest } = pack;
  return {
    ...rest,
    actors: byId(pack.actors),
    incidents: byId(pack.incidents),
    claims: byId(pack.claims),
    relations: rel,
  };
}

describe('pack build', () => {
  it('assembles a folder into one stamped, valid pack and its sha256 file', async () => {
    const dir = fresh();
    writeTree(dir, {
      'pack.json': HEADER,
      'incidents/parliament-2024.json': {
        incident: INCIDENT,
        claims: [
          claim('us-1', {
            speakerActor: 'US',
            accused: ['CN'],
            accuser: null,
            stance: 'accusation',
            incident: 'parliament-2024',
            date: '2024-05-01',
          }),
          claim('cn-1', { incident: 'parliament-2024' }),
        ],
        relations: [{ from: 'cn-1', to: 'us-1', type: 'denies' }],
      },
      'claims/loose.json': { claim: claim('loose-1') },
      '.hidden/ignored.json': 'not even JSON',
      'notes.md': 'Not a part: only .json files are read.',
    });
    const t = makeIO();
    expect(await runPack(['build', dir], t.io)).toBe(0);
    const text = readFileSync(`${dir}.json`, 'utf8');
    const pack = parsePack(JSON.parse(text));
    expect(pack).toMatchObject({ id: 'newsroom-pack', version: 202612060304, publishedAt: '2026-12-06T03:04:05Z' });
    expect(pack.claims.map((c) => c.id)).toEqual(['loose-1', 'us-1', 'cn-1']);
    expect(pack.relations).toEqual([{ from: 'cn-1', to: 'us-1', type: 'denies' }]);
    const sum = createHash('sha256').update(text).digest('hex');
    expect(readFileSync(`${dir}.json.sha256`, 'utf8')).toBe(`${sum}  case-${n}.json\n`);
    expect(t.stdout()).toContain(
      `newsroom-pack v202612060304 (2026-12-06T03:04:05Z) — 3 claims, 1 relations, 1 incidents`,
    );
    expect(t.stdout()).toContain(`sha256 ${sum}`);
  });

  it('--version wins over pack.json, which wins over the clock; SOURCE_DATE_EPOCH makes builds reproducible', async () => {
    const dir = fresh();
    writeTree(dir, {
      'pack.json': { ...HEADER, version: 7, updateIntervalHours: 12 },
      'claims/a.json': { claim: claim('a') },
    });
    const out1 = join(root, `out-${n}-1.json`);
    const out2 = join(root, `out-${n}-2.json`);
    expect(await runPack(['build', dir, '--out', out1], makeIO({ SOURCE_DATE_EPOCH: '1767225600' }).io)).toBe(0);
    expect(await runPack(['build', dir, '--out', out2], makeIO({ SOURCE_DATE_EPOCH: '1767225600' }).io)).toBe(0);
    expect(readFileSync(out1, 'utf8')).toBe(readFileSync(out2, 'utf8'));
    expect(JSON.parse(readFileSync(out1, 'utf8'))).toMatchObject({
      version: 7,
      publishedAt: '2026-01-01T00:00:00Z',
      updateIntervalHours: 12,
    });
    expect(await runPack(['build', dir, '--out', out1, '--version', '12'], makeIO().io)).toBe(0);
    expect(JSON.parse(readFileSync(out1, 'utf8')).version).toBe(12);
    for (const bad of ['0', '1e308', '9007199254740992', '-3', 'x']) {
      const t = makeIO();
      expect(await runPack(['build', dir, '--out', out1, `--version=${bad}`], t.io), bad).toBe(2);
      expect(t.stderr()).toMatch(/--version must be a whole number/);
    }
  });

  it('stamps a version that grows with time: a later build is an update', () => {
    expect(versionOf(new Date('2026-12-06T03:04:59Z'))).toBe(202612060304);
    expect(versionOf(new Date('2026-12-06T03:05:00Z'))).toBeGreaterThan(versionOf(new Date('2026-12-06T03:04:59Z')));
    expect(versionOf(new Date('2099-12-31T23:59:00Z'))).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('reports every problem by file and writes nothing', async () => {
    const dir = fresh();
    writeTree(dir, {
      'pack.json': { ...HEADER, publishedAt: '2024-01-01' },
      'incidents/parliament-2024.json': {
        incident: INCIDENT,
        claims: [claim('a', { incident: 'parliament-2024' }), claim('b', { date: '2024-02-30' })],
      },
      'claims/dup.json': { claim: claim('a') },
      'claims/broken.json': '{"claim": ',
      'claims/latin1.json': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
      'claims/odd.json': { claimz: [] },
    });
    const t = makeIO();
    expect(await runPack(['build', dir], t.io)).toBe(1);
    const lines = t.stdout().trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^claims\/broken\.json: invalid JSON/),
      'claims/latin1.json: invalid UTF-8 at byte 2',
    ]);
    expect(t.stderr()).toMatch(/does not build \(2 problems\); nothing written/);
    expect(existsSync(`${dir}.json`)).toBe(false);

    // Once the files parse, the pack's own problems, by file.
    writeTree(dir, { 'claims/broken.json': { claim: claim('c') }, 'claims/latin1.json': { claim: claim('d') } });
    const t2 = makeIO();
    expect(await runPack(['build', dir], t2.io)).toBe(1);
    expect(t2.stdout().trimEnd().split('\n')).toEqual([
      'pack.json: publishedAt is stamped by the build, leave it out',
      'claims/odd.json: unknown key "claimz"',
    ]);
    writeTree(dir, { 'pack.json': HEADER, 'claims/odd.json': { claims: [] } });
    const t3 = makeIO();
    expect(await runPack(['build', dir], t3.io)).toBe(1);
    expect(t3.stdout().trimEnd().split('\n')).toEqual([
      'incidents/parliament-2024.json: claims[1].date: expected ISO date',
    ]);
    writeTree(dir, {
      'incidents/parliament-2024.json': {
        incident: INCIDENT,
        claims: [claim('a', { incident: 'parliament-2024' }), claim('b', { incident: 'elsewhere' })],
      },
    });
    const t4 = makeIO();
    expect(await runPack(['build', dir], t4.io)).toBe(1);
    expect(t4.stdout().trimEnd().split('\n')).toEqual([
      'incidents/parliament-2024.json: claims[0].id: duplicate id "a" (also claims/dup.json: claim)',
      'incidents/parliament-2024.json: claims[1].incident: unknown incident "elsewhere"',
    ]);
    expect(existsSync(`${dir}.json`)).toBe(false);
  });

  it('refuses a folder without pack.json, an output inside the folder, and a missing folder', async () => {
    const dir = fresh();
    writeTree(dir, { 'claims/a.json': { claim: claim('a') } });
    const t = makeIO();
    expect(await runPack(['build', dir], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^pack: cannot read '.*pack\.json': no such file\n$/);
    const t2 = makeIO();
    expect(await runPack(['build', dir, '--out', join(dir, 'out.json')], t2.io)).toBe(2);
    expect(t2.stderr()).toMatch(/must not be inside the folder/);
    const t3 = makeIO();
    expect(await runPack(['build', join(root, 'nowhere')], t3.io)).toBe(2);
    expect(t3.stderr()).toMatch(/is not a folder/);
  });
});

describe('pack split', () => {
  it('turns the seed pack into a folder that builds back into the same pack', async () => {
    const file = join(root, 'seed.json');
    writeFileSync(file, JSON.stringify(SEED_PACK));
    const dir = fresh();
    const t = makeIO();
    expect(await runPack(['split', file, dir], t.io)).toBe(0);
    expect(existsSync(join(dir, 'pack.json'))).toBe(true);
    expect(existsSync(join(dir, 'actors.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'))).not.toHaveProperty('version');
    expect(await runPack(['build', dir], makeIO().io)).toBe(0);
    const rebuilt = parsePack(JSON.parse(readFileSync(`${dir}.json`, 'utf8')));
    expect(normalised(rebuilt)).toEqual(normalised(SEED_PACK));
    expect(rebuilt.version).toBeGreaterThan(SEED_PACK.version);
  });

  it('places each claim with its incident, or alone, with the relations from it', () => {
    const pack = assemblePack(
      HEADER,
      [
        {
          path: 'a.json',
          json: {
            incident: INCIDENT,
            claims: [
              claim('us:1', { incident: 'parliament-2024', stance: 'accusation', accused: ['CN'], accuser: null }),
            ],
          },
        },
        { path: 'b.json', json: { claim: claim('cn:1'), relation: { from: 'cn:1', to: 'us:1', type: 'denies' } } },
      ],
      { version: 1, publishedAt: '2026-01-01' },
    );
    const files = splitPack(pack);
    expect([...files.keys()]).toEqual(['pack.json', 'incidents/parliament-2024.json', 'claims/cn_1.json']);
    expect(files.get('claims/cn_1.json')).toEqual({
      claim: pack.claims[1],
      relations: [{ from: 'cn:1', to: 'us:1', type: 'denies' }],
    });
  });

  it('never writes into a folder that holds files', async () => {
    const file = join(root, 'seed-2.json');
    writeFileSync(file, JSON.stringify(SEED_PACK));
    const dir = fresh();
    writeTree(dir, { 'keep.txt': 'mine' });
    const t = makeIO();
    expect(await runPack(['split', file, dir], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/exists and is not empty: nothing written/);
    expect(existsSync(join(dir, 'pack.json'))).toBe(false);
  });
});
