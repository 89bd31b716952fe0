/**
 * Hostile input to the CLI (issue 10, items 8 and 9): escape sequences,
 * controls and bidi overrides never reach the terminal raw; every input is
 * bounded and every error is one line.
 */
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval';
import { nestingDepth } from '../../src/cli/html';
import { boundedLines, INPUT_LIMITS, InputError, readStreamBounded } from '../../src/cli/input';
import { runPack } from '../../src/cli/pack';
import { runScan } from '../../src/cli/scan';
import { errorLine, forTerminal, jsonForTerminal } from '../../src/cli/terminal';
import { actorsFromMispGalaxy, MISP_LIMITS } from '../../src/core/actors/misp';

const dir = mkdtempSync(join(tmpdir(), 'cp-cli-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Anything a terminal would obey: C0 controls but LF, DEL, C1 controls, bidi embeddings/overrides/isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function makeIO(stdin: NodeJS.ReadableStream | string = '', isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdin: typeof stdin === 'string' ? Readable.from([stdin]) : stdin,
    stdout: { write: (s: string) => out.push(s) > 0, isTTY },
    stderr: { write: (s: string) => err.push(s) > 0 },
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Outside the colours the CLI itself writes (ESC [ … m), no control character at all. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the CLI's own colour codes
const withoutOwnColours = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

const HOSTILE_SENTENCE =
  'The United States accused China \u001b]0;owned\u0007of hacking\u001b[2J the networks of several \u202eseirtsinim European ministries \u009b31m last year.';

/** A claim pack answering the sentence above; `speaker` is the field under test. */
function packWith(speaker: string): string {
  return JSON.stringify({
    format: 'counterpoint-claim-pack',
    formatVersion: 1,
    id: 'hostile',
    version: 1,
    title: 'Hostile pack',
    license: 'CC0-1.0',
    publishedAt: '2026-01-02',
    actors: [],
    incidents: [],
    claims: [
      {
        id: 'cn-denial',
        text: 'China denies hacking the networks of European ministries and calls the accusation a smear.',
        lang: 'en',
        speaker,
        speakerActor: 'CN',
        accused: [],
        accuser: 'US',
        targets: ['European ministries'],
        action: 'hacking',
        stance: 'denial',
        date: '2024-05-01',
        source: { url: 'https://example.org/denial', publisher: 'Example' },
      },
    ],
    relations: [],
  });
}

describe('terminal output helpers', () => {
  it('forTerminal writes every control, escape and bidi control out visibly', () => {
    expect(forTerminal('a\u001b[2Jb\u009b31mc\u202ed\u2066e\u0007f\u007fg')).toBe(
      'a\\x1b[2Jb\\x9b31mc\\u202ed\\u2066e\\x07f\\x7fg',
    );
    expect(forTerminal('line 1\nline 2\ttab')).toBe('line 1\nline 2\ttab');
    expect(forTerminal('line 1\nline 2\u2028', { oneLine: true })).toBe('line 1\\x0aline 2\\u2028');
    expect(forTerminal('Pékin dément — « non » 中国')).toBe('Pékin dément — « non » 中国');
  });

  it('jsonForTerminal is the same JSON value, with C1 and bidi controls escaped', () => {
    const value = { s: 'x\u009b31m\u202e\u001b[2J\u2028', n: 1 };
    const out = jsonForTerminal(value, 2);
    expect(RAW_CONTROL.test(out.replace(/\n/g, ''))).toBe(false);
    expect(out).toContain('\\u009b');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('errorLine is one bounded line without a stack', () => {
    const err = new Error(`bad\n  at frame (file.ts:1:1)\u001b[2J${'x'.repeat(10_000)}`);
    const line = errorLine(err);
    expect(line).not.toContain('\n');
    expect(RAW_CONTROL.test(line)).toBe(false);
    expect(line.length).toBeLessThanOrEqual(2_000);
  });
});

describe('scan: untrusted strings never reach the terminal raw (item 8)', () => {
  it('human output shows escape sequences, C1 controls and bidi overrides of the input', async () => {
    for (const isTTY of [false, true]) {
      const t = makeIO(HOSTILE_SENTENCE, isTTY);
      expect(await runScan(['-'], t.io)).toBe(0);
      const out = withoutOwnColours(t.stdout());
      expect(out).toContain('accused CN');
      expect(RAW_CONTROL.test(out)).toBe(false);
      expect(out).toContain('\\x1b[2J');
      expect(out).toContain('\\u202e');
      expect(out).toContain('\\x9b31m');
    }
  });

  it('no control character of any kind reaches the terminal raw, wherever it sits in an allegation', async () => {
    // Every C0, DEL, C1 and bidi control, each inserted at a pseudo-random place of a detected sentence.
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x0a),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x061c,
      0x200e,
      0x200f,
      0x2028,
      0x2029,
      ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069],
    ].map((c) => String.fromCharCode(c));
    const base = 'The United States accused China of hacking the networks of several European ministries last year.';
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const lines = controls.map((ch) => {
      const at = 4 + (next() % (base.length - 8));
      return `${base.slice(0, at)}${ch}${base.slice(at)}`;
    });
    const t = makeIO(lines.join('\n\n'));
    expect(await runScan(['-'], t.io)).toBe(0);
    const out = t.stdout();
    // Most sentences are still read as allegations, so the controls sit inside what is printed.
    expect(Number(/(\d+) allegations \(lang en\)/.exec(out)?.[1])).toBeGreaterThan(lines.length / 2);
    // Raw line feeds are the output's own; everything else shown, never sent as is.
    expect(RAW_CONTROL.test(out)).toBe(false);
    expect(/[\u061c\u200e\u200f\u2028\u2029]/.test(out)).toBe(false);
  });

  it('HTML entities that decode to controls are shown, not obeyed', async () => {
    const html = `<html><body><article><p>The United States accused China of hacking&#27;[2J the networks of several European ministries&#x9b;31m &#x202E;last year.</p></article></body></html>`;
    const t = makeIO();
    expect(await runScan([file('entities.html', html)], t.io)).toBe(0);
    expect(t.stdout()).toContain('accused CN');
    expect(RAW_CONTROL.test(t.stdout())).toBe(false);
    expect(t.stdout()).toContain('\\x1b[2J');
  });

  it('--json stays one parseable JSON value, with C1 and bidi controls escaped', async () => {
    const t = makeIO(HOSTILE_SENTENCE);
    expect(await runScan(['--json', '-'], t.io)).toBe(0);
    expect(RAW_CONTROL.test(t.stdout().replace(/\n/g, ''))).toBe(false);
    const parsed = JSON.parse(t.stdout()) as { allegations: { text: string }[] };
    expect(parsed.allegations[0]?.text).toBe(HOSTILE_SENTENCE);
  });

  it("a pack's speaker is shown with its invisible characters written out", async () => {
    // Line and paragraph separators and bidi marks pass the pack schema; the terminal still gets them escaped.
    const pack = file('marks.json', packWith('Ministry\u2028spokesman \u200fLin\u2029'));
    const t = makeIO(HOSTILE_SENTENCE);
    expect(await runScan(['--pack', pack, '-'], t.io)).toBe(0);
    const out = t.stdout();
    // The line separator is white space (collapsed), the trailing one trimmed by the schema, the mark written out.
    expect(out).toContain('· Ministry spokesman \\u200fLin (2024-05-01)');
    expect(/[\u2028\u2029\u200f]/.test(out)).toBe(false);
  });

  it('a pack whose speaker holds an escape sequence is refused by path, the error on one clean line', async () => {
    const pack = file('esc.json', packWith('Spokesman\u001b[2J\u001b]0;owned\u0007'));
    const t = makeIO(HOSTILE_SENTENCE);
    expect(await runScan(['--pack', pack, '-'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(
      /^scan: invalid claim pack '.*esc\.json': claims\[0\]\.speaker: expected text without control/,
    );
    expect(t.stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(RAW_CONTROL.test(t.stderr().trimEnd())).toBe(false);
  });

  it('--jsonl errors that echo the input line are escaped', async () => {
    const input = `{"id": 1, "text": \u001b[2J\u009b31m}\n{"id": "\\u001b[2J\u202e", "text": 3}\n`;
    const t = makeIO(input);
    expect(await runScan(['--jsonl', '-'], t.io)).toBe(1);
    const errors = t.stderr().trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^line 1: invalid JSON/);
    expect(errors[1]).toMatch(/^id "\\u001b\[2J\\u202e": text must be a string$/);
    for (const e of errors) expect(RAW_CONTROL.test(e)).toBe(false);
  });

  it('a file name with an escape sequence is shown escaped in the error', async () => {
    const t = makeIO();
    expect(await runScan([join(dir, 'missing\u001b[2J.txt')], t.io)).toBe(2);
    expect(t.stderr()).toBe(`scan: cannot read '${join(dir, 'missing')}\\x1b[2J.txt': no such file\n`);
  });

  it('pack validate prints the path of an unknown key with its controls escaped', async () => {
    const pack = JSON.parse(packWith('Spokesman')) as Record<string, unknown>;
    pack['\u001b[2Jextra'] = 1;
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
    expect(await runPack(['validate', file('key.json', JSON.stringify(pack))], io)).toBe(1);
    expect(out.join('')).toContain('\\x1b[2Jextra');
    expect(RAW_CONTROL.test(out.join('').replace(/\n/g, ''))).toBe(false);
  });
});

describe('eval: fixture text is input too', () => {
  it('shows escape sequences of a labelled line and of a malformed line, never obeys them', async () => {
    const fixtures = join(dir, 'labelled');
    mkdirSync(fixtures, { recursive: true });
    const line = (id: string, text: string, allegation: boolean) =>
      JSON.stringify({
        id,
        lang: 'en',
        text,
        allegation,
        stance: null,
        accused: null,
        accuser: null,
        hedged: null,
        kind: null,
      });
    writeFileSync(join(fixtures, 'en.jsonl'), `${line('x1\u001b[2J', HOSTILE_SENTENCE, false)}\n`);
    writeFileSync(join(fixtures, 'fr.jsonl'), '');
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
    expect(await runEval(['--dir', fixtures, '--errors'], io)).toBe(0);
    expect(out.join('')).toContain('x1\\x1b[2J');
    expect(RAW_CONTROL.test(out.join('').replace(/\n/g, ''))).toBe(false);

    // JSON.parse quotes the bad line in its message: the escape sequence must not come through.
    writeFileSync(join(fixtures, 'fr.jsonl'), `{"id": 1, "text": \u001b[2J\u009b31m}\n`);
    err.length = 0;
    expect(await runEval(['--dir', fixtures], io)).toBe(2);
    expect(err.join('')).toMatch(/^eval: .*fr\.jsonl line 1: .*JSON.*\n$/);
    expect(err.join('')).toContain('\\x1b');
    expect(RAW_CONTROL.test(err.join('').trimEnd())).toBe(false);
  });
});

describe('scan: bounded input, one-line errors (item 9)', () => {
  it('refuses HTML nested 200,000 levels deep at once, in one line', async () => {
    const depth = 200_000;
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}The United States accused China of hacking.${'</div>'.repeat(depth)}</body></html>`;
    const t = makeIO();
    const started = performance.now();
    expect(await runScan([file('deep.html', html)], t.io)).toBe(2);
    // linkedom alone takes about a minute on this page: the refusal comes before it.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(t.stderr()).toMatch(/^scan: '.*deep\.html' nests HTML elements more than 4096 levels deep/);
    expect(t.stderr().trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads HTML nested 3,000 levels deep (under the limit)', async () => {
    const depth = 3_000;
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}The United States accused China of hacking the networks of European ministries.${'</div>'.repeat(depth)}</body></html>`;
    const t = makeIO();
    expect(await runScan([file('deep3000.html', html)], t.io)).toBe(0);
    expect(t.stdout()).toContain('accused CN');
  });

  it('estimates nesting depth linearly, skipping void elements, optional end tags, comments and scripts', () => {
    expect(nestingDepth('<html><body><div><span>a</span><span>b</span></div></body></html>')).toBe(2);
    expect(nestingDepth('<div><p>one<p>two<p>three<li>x<li>y<br><img src=a><hr/></div>')).toBe(1);
    expect(nestingDepth(`<div><!-- ${'<div>'.repeat(50)} --><script>${'<div>'.repeat(50)}</script></div>`)).toBe(1);
    expect(nestingDepth(`<SECTION><Div><x-card/></Div></SECTION>`)).toBe(2);
    expect(nestingDepth('<div>'.repeat(100), 10)).toBe(11);
  });

  it('refuses a document over the size limit by its size, before reading it', async () => {
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, INPUT_LIMITS.documentBytes + 1); // sparse: no disk used
    closeSync(fd);
    const t = makeIO();
    expect(await runScan([path], t.io)).toBe(2);
    expect(t.stderr()).toBe(`scan: '${path}' is 64 MB: the document limit is 64 MB\n`);
  });

  it('stops reading stdin past the limit with one line', async () => {
    const mib = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const stdin = Readable.from(
      (function* () {
        for (; sent < 80; sent++) yield mib;
      })(),
    );
    const t = makeIO(stdin);
    expect(await runScan(['-'], t.io)).toBe(2);
    expect(t.stderr()).toBe('scan: stdin is larger than the document limit of 64 MB\n');
    expect(sent).toBeLessThan(80);
  });

  it('readStreamBounded and boundedLines honour the bound they are given', async () => {
    await expect(readStreamBounded(Readable.from(['abc', 'def']), 5)).rejects.toBeInstanceOf(InputError);
    expect((await readStreamBounded(Readable.from(['abc', 'de']), 5)).toString()).toBe('abcde');
    const lines = [];
    const bytes = Buffer.from('ok 1\r\nxxxxxxxxxxxx\n\u00e9\n', 'utf8');
    const bad = Buffer.from([0x61, 0xff, 0x62, 0x0a]);
    for await (const l of boundedLines(Readable.from([bytes.subarray(0, 7), bytes.subarray(7), bad]), 8)) lines.push(l);
    expect(lines).toEqual([
      { kind: 'line', text: 'ok 1' },
      { kind: 'too-long', bytes: 12 },
      { kind: 'line', text: 'é' },
      { kind: 'invalid-utf8', byte: 1 },
    ]);
  });

  it('--jsonl skips a line over the line limit and goes on with the next', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const stdin = Readable.from(
      (function* () {
        yield Buffer.from('{"id": "big", "text": "');
        for (let i = 0; i < INPUT_LIMITS.jsonlLineBytes / chunk.length + 1; i++) yield chunk;
        yield Buffer.from('"}\n{"id": "next", "text": "The United States accused China of hacking."}\n');
      })(),
    );
    const t = makeIO(stdin);
    expect(await runScan(['--jsonl', '-'], t.io)).toBe(1);
    expect(t.stderr()).toBe('line 1: longer than 16 MB: skipped\n');
    expect(JSON.parse(t.stdout()).id).toBe('next');
  });

  it('--jsonl reports a line that is not UTF-8 and goes on', async () => {
    const stdin = Readable.from([
      Buffer.concat([
        Buffer.from('{"id": 1, "text": "caf'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}\n{"id": 2, "text": "ok"}\n'),
      ]),
    ]);
    const t = makeIO(stdin);
    expect(await runScan(['--jsonl', '-'], t.io)).toBe(1);
    expect(t.stderr()).toBe('line 1: invalid UTF-8 at byte 22 of the line\n');
    expect(JSON.parse(t.stdout()).id).toBe(2);
  });

  it('a MISP value of 40,000 characters is refused by path before it reaches a regular expression', async () => {
    const galaxy = file('long-misp.json', JSON.stringify({ values: [{ value: `Z${'x'.repeat(40_000)}` }] }));
    const t = makeIO('The United States accused China of hacking the networks of European ministries.');
    expect(await runScan(['--misp', galaxy, '-'], t.io)).toBe(2);
    expect(t.stderr()).toBe(
      `scan: invalid MISP galaxy '${galaxy}': values[0].value: at most 200 characters, got 40001\n`,
    );
  });

  it('bounds MISP synonyms, values and names by count', () => {
    const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
    expect(() =>
      actorsFromMispGalaxy({ values: [{ value: 'G', meta: { synonyms: many(101, (i) => `S${i}`) } }] }),
    ).toThrow(/^values\[0\]\.meta\.synonyms: at most 100 synonyms, got 101$/);
    expect(() => actorsFromMispGalaxy({ values: many(MISP_LIMITS.values + 1, (i) => ({ value: `G${i}` })) })).toThrow(
      /^values: at most 10000 entries/,
    );
    expect(() =>
      actorsFromMispGalaxy({ values: [{ value: 'G', meta: { synonyms: [`S${'y'.repeat(300)}`] } }] }),
    ).toThrow(/^values\[0\]\.meta\.synonyms\[0\]: at most 200 characters, got 301$/);
    expect(() =>
      actorsFromMispGalaxy({
        values: many(5_000, (i) => ({ value: `G${i}${'v'.repeat(150)}` })),
      }),
    ).toThrow(/names longer than 500000 characters in all/);
    // A long country name is not looked up (it would be no state anyway).
    const [group] = actorsFromMispGalaxy({ values: [{ value: 'G', meta: { country: `(${'('.repeat(50_000)}` } }] });
    expect(group?.state).toBeUndefined();
  });

  it('an internal error is one line without a stack trace', async () => {
    // A stdin whose reading fails in a way no check anticipates.
    const stdin = new Readable({
      read() {
        this.destroy(new Error('device vanished\n    at read (fake.ts:1:1)'));
      },
    });
    const t = makeIO(stdin);
    expect(await runScan(['-'], t.io)).toBe(2);
    expect(t.stderr()).toBe('scan: internal error: device vanished at read (fake.ts:1:1)\n');
  });

  it('pack validate piped into a reader that stops early ends quietly, without a stack trace', async () => {
    // 20,000 empty claims: hundreds of thousands of problem lines, far more than the pipe holds.
    const pack = JSON.parse(packWith('Spokesman')) as { claims: unknown[] };
    pack.claims = Array.from({ length: 20_000 }, () => ({}));
    const path = file('many-problems.json', JSON.stringify(pack));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/pack.ts', 'validate', path], {
      cwd: join(__dirname, '..', '..'),
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // Read one chunk, then close the pipe as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).not.toMatch(/EPIPE|at \S+ \(/);
    expect(code === 0 || code === 1).toBe(true);
  }, 60_000);
});
