import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPack } from '../../src/cli/pack';
import { SEED_PACK } from '../../src/data/seed-pack';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'cp-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('pack validate', () => {
  it('accepts the seed pack', async () => {
    const t = io();
    expect(await runPack(['validate', write('seed.json', JSON.stringify(SEED_PACK))], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^ok: counterpoint-seed v\d+ — \d+ claims/);
  });

  it('prints every problem with its path and exits 1', async () => {
    const bad = structuredClone(SEED_PACK) as unknown as { claims: Array<Record<string, unknown>> };
    (bad.claims[1] as Record<string, unknown>).date = '2024-13-01';
    (bad.claims[2] as Record<string, unknown>).source = { url: 'not a url', publisher: 'x' };
    const t = io();
    expect(await runPack(['validate', write('bad.json', JSON.stringify(bad))], t.io)).toBe(1);
    expect(t.stdout()).toContain('claims[1].date: expected ISO date');
    expect(t.stdout()).toContain('claims[2].source.url');
    expect(t.stderr()).toMatch(/not a valid claim pack \(\d+ problems?\)/);
  });

  it('reports dangling relations and duplicate ids', async () => {
    const bad = structuredClone(SEED_PACK);
    bad.relations.push({ from: bad.claims[0]?.id ?? '', to: 'nope', type: 'denies' });
    bad.claims.push({ ...(bad.claims[0] as (typeof bad.claims)[number]) });
    const t = io();
    expect(await runPack(['validate', write('dangling.json', JSON.stringify(bad))], t.io)).toBe(1);
    expect(t.stdout()).toMatch(/duplicate id/);
    expect(t.stdout()).toMatch(/relations\[\d+\]\.to: unknown claim "nope"/);
  });

  it('gives one clear line for unreadable input and bad usage', async () => {
    const t = io();
    expect(await runPack(['validate', join(dir, 'missing.json')], t.io)).toBe(2);
    expect(t.stderr()).toBe(`pack: cannot read '${join(dir, 'missing.json')}': no such file\n`);
    const u = io();
    expect(await runPack(['frobnicate'], u.io)).toBe(2);
    const j = io();
    expect(await runPack(['validate', write('x.json', '{not json')], j.io)).toBe(1);
    expect(j.stdout()).toMatch(/^\(root\): invalid JSON/);
  });
});
