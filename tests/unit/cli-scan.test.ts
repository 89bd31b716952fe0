import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/cli/html';
import { runScan } from '../../src/cli/scan';
import type { Allegation } from '../../src/core/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cli');
const NEWS = join(FIXTURES, 'news.txt');
const ARTICLE = join(FIXTURES, 'article.html');
const BATCH = join(FIXTURES, 'batch.jsonl');

const ANSI = '\u001b[';
const ALLEGATION_KEYS = [
  'accused',
  'accuser',
  'action',
  'confidence',
  'end',
  'hedged',
  'lang',
  'stance',
  'start',
  'target',
  'text',
];

function makeIO(stdinText = '', options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdin: Readable.from([stdinText]),
    stdout: {
      write: (s: string) => {
        out.push(s);
        return true;
      },
      isTTY: options.isTTY ?? false,
    },
    stderr: {
      write: (s: string) => {
        err.push(s);
        return true;
      },
    },
    env: options.env ?? {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function expectAllegationShape(a: Allegation, source: string): void {
  expect(
    Object.keys(a)
      .filter((k) => k !== 'counterStatements')
      .sort(),
  ).toEqual(ALLEGATION_KEYS);
  expect(typeof a.start).toBe('number');
  expect(typeof a.end).toBe('number');
  expect(a.start).toBeGreaterThanOrEqual(0);
  expect(a.end).toBeGreaterThan(a.start);
  expect(a.text).toBe(source.slice(a.start, a.end));
  expect(['en', 'fr']).toContain(a.lang);
  expect(['accusation', 'denial', 'counter_accusation']).toContain(a.stance);
  expect(typeof a.action).toBe('string');
  expect(typeof a.hedged).toBe('boolean');
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  for (const key of ['accused', 'accuser', 'target'] as const) {
    expect(a[key] === null || typeof a[key] === 'string').toBe(true);
  }
}

function parseJsonOutput(stdout: string): { lang: string; allegations: Allegation[] } {
  const parsed = JSON.parse(stdout) as { lang: string; allegations: Allegation[] };
  expect(Object.keys(parsed).sort()).toEqual(['allegations', 'lang']);
  expect(Array.isArray(parsed.allegations)).toBe(true);
  return parsed;
}

describe('scan --json', () => {
  it('scans a text file and prints exactly one JSON object', async () => {
    const source = readFileSync(NEWS, 'utf8');
    const t = makeIO();
    expect(await runScan(['--json', NEWS], t.io)).toBe(0);
    expect(t.stderr()).toBe('');
    const result = parseJsonOutput(t.stdout());
    expect(result.lang).toBe('en');
    expect(result.allegations.length).toBeGreaterThanOrEqual(1);
    for (const a of result.allegations) expectAllegationShape(a, source);
    expect(result.allegations.some((a) => a.text.includes('accused Iran of hacking'))).toBe(true);
    expect(result.allegations.some((a) => a.text.includes('weather in Brussels'))).toBe(false);
  });

  it('scans an HTML file through its extracted text, ignoring script, style, nav and aside', async () => {
    const html = readFileSync(ARTICLE, 'utf8');
    const extracted = htmlToText(html);
    const t = makeIO();
    expect(await runScan(['--json', ARTICLE], t.io)).toBe(0);
    expect(t.stderr()).toBe('');
    const result = parseJsonOutput(t.stdout());
    for (const a of result.allegations) expectAllegationShape(a, extracted);
    // The French and the English allegation of the article body are both found.
    expect(result.allegations.some((a) => a.lang === 'fr' && a.text.includes('accusé la Russie'))).toBe(true);
    expect(result.allegations.some((a) => a.lang === 'en' && a.text.includes('accused Iran'))).toBe(true);
    // Allegation-like text in <script>, <style>, <nav> and <aside> is never scanned.
    for (const a of result.allegations) {
      expect(a.text).not.toMatch(/Pyongyang|Kremlin|United States|Pékin|Washington/);
    }
    expect(extracted).not.toMatch(/Pyongyang|Kremlin|United States|Pékin|tracker|Accueil/);
  });

  it('sniffs HTML on stdin and gives the same result as the file', async () => {
    const html = readFileSync(ARTICLE, 'utf8');
    const fromFile = makeIO();
    await runScan(['--json', ARTICLE], fromFile.io);
    const fromStdin = makeIO(html);
    expect(await runScan(['--json', '-'], fromStdin.io)).toBe(0);
    expect(fromStdin.stdout()).toBe(fromFile.stdout());
  });

  it('--text scans HTML source as plain text', async () => {
    const t = makeIO('<p>The weather was mild.</p><p>Nothing happened.</p><p>Really.</p>');
    expect(await runScan(['--json', '--text', '-'], t.io)).toBe(0);
    expect(parseJsonOutput(t.stdout()).allegations).toEqual([]);
  });
});

describe('scan counter-statements', () => {
  it('names the incident each counter-statement belongs to ({id, name}) or null', async () => {
    const seed = join(ROOT, '..', 'shared', 'seeds', '004_3230cb9ee75ed065.txt');
    const t = makeIO();
    expect(await runScan(['--json', seed], t.io)).toBe(0);
    const result = JSON.parse(t.stdout()) as {
      allegations: { counterStatements: { id: string; incident: { id: string; name: string } | null }[] }[];
    };
    const counters = result.allegations.flatMap((a) => a.counterStatements);
    expect(counters.length).toBeGreaterThan(0);
    for (const c of counters) {
      expect(Object.keys(c)).toContain('incident');
      if (c.incident !== null) {
        expect(Object.keys(c.incident).sort()).toEqual(['id', 'name']);
        // The press name with its year, as the seed pack gives it.
        expect(c.incident.name).toMatch(/\([^()]*\d{4}[^()]*\)$/);
      }
    }
    // The Belgian MP's article is about APT31: China's denial of it says so.
    expect(counters.some((c) => c.incident !== null && /APT31/i.test(c.incident.name))).toBe(true);
  });
});

describe('scan --jsonl', () => {
  it('--cyber-page reads each line as a sentence of a page about cyber operations', async () => {
    const line = `${JSON.stringify({ id: 'd', text: 'The Chinese embassy called the accusations a malicious smear.' })}\n`;
    const alone = makeIO(line);
    expect(await runScan(['--jsonl', '--no-counter', '-'], alone.io)).toBe(0);
    expect(JSON.parse(alone.stdout()).allegations).toEqual([]);
    const onPage = makeIO(line);
    expect(await runScan(['--jsonl', '--no-counter', '--cyber-page', '-'], onPage.io)).toBe(0);
    expect(JSON.parse(onPage.stdout()).allegations[0]).toMatchObject({ stance: 'denial', accused: 'CN' });
  });

  it('preserves the input order and skips blank lines', async () => {
    const t = makeIO();
    expect(await runScan(['--jsonl', BATCH], t.io)).toBe(0);
    expect(t.stderr()).toBe('');
    const lines = t.stdout().trimEnd().split('\n');
    const outputs = lines.map((l) => JSON.parse(l) as { id: string | number; allegations: Allegation[] });
    expect(outputs.map((o) => o.id)).toEqual(['a1', 'a2', 3]);
    for (const o of outputs) expect(Object.keys(o).sort()).toEqual(['allegations', 'id']);
    const inputs = readFileSync(BATCH, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string | number; text: string });
    outputs.forEach((o, i) => {
      for (const a of o.allegations) expectAllegationShape(a, inputs[i]?.text ?? '');
    });
    expect(outputs[0]?.allegations.length).toBeGreaterThanOrEqual(1);
    expect(outputs[1]?.allegations).toEqual([]);
    expect(outputs[2]?.allegations.length).toBeGreaterThanOrEqual(1);
  });

  it('reports malformed lines on stderr by id or line number, continues, and exits 1', async () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'Il faisait beau à Paris.' }),
      '{"id": "bad", "text": ',
      JSON.stringify({
        id: 'a2',
        text: 'The British government accused Iran of hacking the email accounts of several MPs.',
      }),
      '',
      '[1, 2]',
      JSON.stringify({ id: 'a3', text: 42 }),
      JSON.stringify({ text: 'no id' }),
      JSON.stringify({ id: true, text: 'boolean id' }),
      '   ',
      JSON.stringify({ id: 9, text: 'Nothing to see here.' }),
    ].join('\n');
    const t = makeIO(input);
    expect(await runScan(['--jsonl', '-'], t.io)).toBe(1);
    const outputs = t
      .stdout()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string | number; allegations: Allegation[] });
    expect(outputs.map((o) => o.id)).toEqual(['a1', 'a2', 9]);
    const errors = t.stderr().trimEnd().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^line 2: invalid JSON: /);
    expect(errors[1]).toBe('line 5: not a JSON object');
    expect(errors[2]).toBe('id "a3": text must be a string');
    expect(errors[3]).toBe('line 7: id must be a string or a number');
    expect(errors[4]).toBe('line 8: id must be a string or a number');
  });

  it('streams: output for early lines is written before stdin ends', async () => {
    const stdin = new Readable({ read() {} });
    const out: string[] = [];
    const io = {
      stdin,
      stdout: {
        write: (s: string) => {
          out.push(s);
          return true;
        },
      },
      stderr: { write: () => true },
      env: {},
    };
    const done = runScan(['--jsonl', '-'], io);
    stdin.push(`${JSON.stringify({ id: 'first', text: 'Nothing here.' })}\n`);
    await new Promise((r) => setTimeout(r, 200));
    expect(out.join('')).toContain('"first"');
    stdin.push(`${JSON.stringify({ id: 'second', text: 'Nothing here either.' })}\n`);
    stdin.push(null);
    expect(await done).toBe(0);
    expect(out).toHaveLength(2);
  });
});

describe('scan human output', () => {
  it('prints one block per allegation and a summary, without ANSI codes when not a TTY', async () => {
    const t = makeIO('', { isTTY: false });
    expect(await runScan([NEWS], t.io)).toBe(0);
    const out = t.stdout();
    expect(out).not.toMatch(ANSI);
    expect(out).toMatch(/^\d+ allegations? \(lang en\)\n$/m);
    expect(out).toContain('accused Iran of hacking');
    expect(out).toMatch(/^ {2}accusation · accused IR · accuser GB · action \w+ · .*\d\.\d\d · \[\d+-\d+\]$/m);
  });

  it('says so when nothing is found', async () => {
    const t = makeIO('The weather in Brussels was mild on Tuesday. Officials went home early.');
    expect(await runScan(['-'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^no allegation found/);
  });

  it('colours a TTY unless NO_COLOR is set; --color and --no-color override', async () => {
    const tty = makeIO('', { isTTY: true });
    await runScan([NEWS], tty.io);
    expect(tty.stdout()).toMatch(ANSI);

    const noColorEnv = makeIO('', { isTTY: true, env: { NO_COLOR: '1' } });
    await runScan([NEWS], noColorEnv.io);
    expect(noColorEnv.stdout()).not.toMatch(ANSI);

    const forced = makeIO('', { isTTY: false, env: { NO_COLOR: '1' } });
    await runScan(['--color', NEWS], forced.io);
    expect(forced.stdout()).toMatch(ANSI);

    const disabled = makeIO('', { isTTY: true });
    await runScan(['--no-color', NEWS], disabled.io);
    expect(disabled.stdout()).not.toMatch(ANSI);
  });

  it('--json never emits ANSI codes, even on a TTY', async () => {
    const t = makeIO('', { isTTY: true });
    await runScan(['--json', '--color', NEWS], t.io);
    expect(t.stdout()).not.toMatch(ANSI);
    parseJsonOutput(t.stdout());
  });
});

describe('scan errors and help', () => {
  async function expectUsageError(argv: string[], pattern: RegExp): Promise<void> {
    const t = makeIO();
    expect(await runScan(argv, t.io)).toBe(2);
    expect(t.stdout()).toBe('');
    const err = t.stderr();
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(pattern);
  }

  it('missing file: exit 2 and one stderr line', async () => {
    await expectUsageError(['--json', 'no-such-file.txt'], /^scan: cannot read 'no-such-file\.txt': no such file\n$/);
  });

  it('directory: exit 2 and one stderr line', async () => {
    await expectUsageError([FIXTURES], /^scan: cannot read '.*cli': is a directory\n$/);
    await expectUsageError(['--jsonl', FIXTURES], /is a directory/);
  });

  it('unknown option, no input, too many inputs or conflicting modes: exit 2', async () => {
    await expectUsageError(['--frobnicate', NEWS], /^scan: .*--frobnicate/);
    await expectUsageError([], /^scan: missing input/);
    await expectUsageError([NEWS, NEWS], /^scan: expected one input/);
    await expectUsageError(['--json', '--jsonl', NEWS], /mutually exclusive/);
  });

  it('--help prints usage and documents HTML offsets', async () => {
    const t = makeIO();
    expect(await runScan(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^Usage: /);
    expect(t.stdout()).toContain('--jsonl');
    expect(t.stdout()).toMatch(/offsets[\s\S]*extracted text/i);
    expect(t.stderr()).toBe('');
  });
});

describe('scan entrypoint', () => {
  const run = promisify(execFile);

  it('runs as a script through tsx', async () => {
    const { stdout } = await run('npx', ['tsx', 'src/cli/scan.ts', '--json', 'tests/fixtures/cli/news.txt'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const viaProcess = parseJsonOutput(stdout);
    const inProcess = makeIO();
    await runScan(['--json', NEWS], inProcess.io);
    expect(viaProcess).toEqual(JSON.parse(inProcess.stdout()));
    expect(viaProcess.allegations.length).toBeGreaterThanOrEqual(1);
  });

  it('sets the exit code of the process', async () => {
    const failure = await run('npx', ['tsx', 'src/cli/scan.ts', 'tests/fixtures/cli/missing.txt'], { cwd: ROOT }).then(
      () => null,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("scan: cannot read 'tests/fixtures/cli/missing.txt': no such file");
  });
});

describe('scan --misp', () => {
  const MISP = resolve(ROOT, '..', 'shared', 'data', 'misp-galaxy', 'threat-actor.json');

  it('extends the actor table with a MISP galaxy file', async () => {
    // A synonym only MISP knows (not a built-in name): no allegation without the galaxy, one with it.
    const sentence = 'Researchers said Night Dragon hacked the ministry servers.';
    const without = makeIO(sentence);
    expect(await runScan(['--json', '-'], without.io)).toBe(0);
    const withMisp = makeIO(sentence);
    expect(await runScan(['--json', '--misp', MISP, '-'], withMisp.io)).toBe(0);
    const a = JSON.parse(withMisp.stdout()).allegations as Allegation[];
    expect(a).toHaveLength(1);
    expect(a[0]?.accused).toBe('Night Dragon');
    expect(JSON.parse(without.stdout()).allegations).toEqual([]);
  });

  it('rejects a malformed galaxy with the path of the bad field', async () => {
    const { io, stderr } = makeIO('x');
    const bad = join(FIXTURES, 'batch.jsonl'); // not a galaxy: JSON parse error
    expect(await runScan(['--misp', bad, '-'], io)).toBe(2);
    expect(stderr()).toMatch(/^scan: cannot read MISP galaxy/);
  });
});
