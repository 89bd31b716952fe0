/**
 * `npm run --silent scan -- [options] FILE|-`: runs the detector on a text or
 * HTML file (or stdin) and prints the allegations it finds.
 */
import { createReadStream, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { actorsFromMispGalaxy } from '../core/actors/misp';
import type { ActorRecord } from '../core/actors/types';
import { Detector } from '../core/detect';
import { ClaimIndex, type CounterStatement, inferAccusers } from '../core/match';
import { counterStatementView } from '../core/match/view';
import { type ClaimPack, PackError, parsePackBytes } from '../core/pack/schema';
import type { Allegation, DetectResult } from '../core/types';
import { SEED_PACK } from '../data/seed-pack';
import { htmlToText, looksLikeHtml, nestingDepth } from './html';
import {
  boundedLines,
  describeFsError,
  formatBytes,
  INPUT_LIMITS,
  InputError,
  readFileBounded,
  readStreamBounded,
} from './input';
import { errorLine, forTerminal, jsonForTerminal } from './terminal';

export interface ScanIO {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

/** Exit codes. */
const OK = 0;
const LINE_ERRORS = 1;
const USAGE = 2;

const USAGE_TEXT = `Usage: npm run --silent scan -- [options] FILE|-

Detects cyber-attack allegations (accusations, denials, counter-accusations)
in English or French text. FILE is a text or HTML file; "-" reads stdin.

Options:
  --json         print one JSON object {"lang", "allegations": [...]} on stdout
  --jsonl        batch mode: each input line is {"id": ..., "text": "..."};
                 prints one {"id": ..., "allegations": [...]} line per input
                 line, in order. Blank lines are skipped; malformed lines are
                 reported on stderr and make the exit code 1.
  --html         treat the input as HTML (default: by extension .html/.htm,
                 or by sniffing the content)
  --text         treat the input as plain text (no HTML detection)
  --misp FILE    extend the built-in actor table with a MISP galaxy
                 threat-actor cluster (JSON), e.g. threat-actor.json
  --pack FILE    match allegations against this claim pack instead of the
                 built-in seed pack (repeatable)
  --no-counter   do not look up counter-statements
  --cyber-page   the input comes from a page about cyber operations: read
                 attribution and denial sentences that name no operation
                 ("Beijing called the accusations a smear") as about one;
                 with --jsonl, every line is read so
  --color        force ANSI colours in the human output
  --no-color     disable colours (also: NO_COLOR environment variable)
  -h, --help     show this help

HTML input is reduced to its readable text first, read as the extension reads
a page (main content region, no scripts, navigation, asides, form fields or
hidden elements; a blank line between blocks). Offsets (start, end) in the
output then refer to that extracted text, not to the HTML source.
In --jsonl mode each "text" is scanned as plain text and offsets refer to it.

Limits: a document of at most 64 MB, HTML nested at most 4,096 elements deep,
--jsonl lines of at most 16 MB (a longer line is reported and skipped), claim
packs of at most 256 MB, a MISP galaxy of at most 64 MB. Control characters
and bidi overrides of the input are shown as \\xHH / \\uHHHH in the human output
and in errors, never sent to the terminal as they are.

Exit codes: 0 success; 1 some --jsonl lines failed; 2 usage, input or internal error.
`;

class UsageError extends InputError {}

interface Options {
  json: boolean;
  jsonl: boolean;
  html: boolean;
  text: boolean;
  color: boolean;
  noColor: boolean;
  help: boolean;
  misp: string | undefined;
  packs: string[];
  noCounter: boolean;
  /** The input comes from a page about cyber operations (`--cyber-page`). */
  cyberPage: boolean;
  input: string | undefined;
}

function parseOptions(argv: string[]): Options {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        html: { type: 'boolean', default: false },
        text: { type: 'boolean', default: false },
        color: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        misp: { type: 'string' },
        pack: { type: 'string', multiple: true },
        'no-counter': { type: 'boolean', default: false },
        'cyber-page': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (err) {
    // parseArgs messages are multi-line for unknown options; keep the first line.
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'invalid arguments';
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
  const { values, positionals } = parsed;
  const opts: Options = {
    json: values.json === true,
    jsonl: values.jsonl === true,
    html: values.html === true,
    text: values.text === true,
    color: values.color === true,
    noColor: values['no-color'] === true,
    help: values.help === true,
    misp: typeof values.misp === 'string' ? values.misp : undefined,
    packs: Array.isArray(values.pack) ? values.pack.filter((x): x is string => typeof x === 'string') : [],
    noCounter: values['no-counter'] === true,
    cyberPage: values['cyber-page'] === true,
    input: positionals[0],
  };
  if (opts.help) return opts;
  if (positionals.length > 1) throw new UsageError(`expected one input, got ${positionals.length}`);
  if (opts.input === undefined) throw new UsageError('missing input: give a FILE or - for stdin');
  if (opts.json && opts.jsonl) throw new UsageError('--json and --jsonl are mutually exclusive');
  if (opts.html && opts.text) throw new UsageError('--html and --text are mutually exclusive');
  if (opts.color && opts.noColor) throw new UsageError('--color and --no-color are mutually exclusive');
  return opts;
}

/** Fails early with a clean message for missing files and directories. */
async function checkReadable(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    throw new UsageError(`cannot read '${path}': ${describeFsError(err)}`);
  }
  if (info.isDirectory()) throw new UsageError(`cannot read '${path}': is a directory`);
}

/** Threat actors from a MISP galaxy threat-actor cluster file, to extend the built-in gazetteer. */
async function loadMisp(path: string): Promise<ActorRecord[]> {
  const bytes = await readFileBounded(path, INPUT_LIMITS.mispBytes, 'MISP galaxy');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`cannot read MISP galaxy '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return actorsFromMispGalaxy(json);
  } catch (err) {
    throw new UsageError(`invalid MISP galaxy '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function readInput(input: string, io: ScanIO): Promise<string> {
  const max = INPUT_LIMITS.documentBytes;
  const bytes =
    input === '-'
      ? await readStreamBounded(io.stdin, max, 'stdin', 'document')
      : await readFileBounded(input, max, 'document');
  return bytes.toString('utf8');
}

/** Writes and, on a real stream under backpressure, waits for 'drain'. */
async function writeOut(out: ScanIO['stdout'], s: string): Promise<void> {
  const ok = out.write(s);
  const emitter = out as { once?: (event: string, cb: () => void) => unknown };
  if (ok === false && typeof emitter.once === 'function') {
    await new Promise<void>((resolve) => {
      emitter.once?.('drain', resolve);
    });
  }
}

// ---------------------------------------------------------------- human output

interface Palette {
  highlight(s: string): string;
  stance(stance: Allegation['stance'], s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const COLOR: Palette = {
  highlight: (s) => `\u001b[1;4;33m${s}\u001b[22;24;39m`,
  stance: (stance, s) => {
    const code = stance === 'accusation' ? 31 : stance === 'denial' ? 32 : 35;
    return `\u001b[1;${code}m${s}\u001b[22;39m`;
  },
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const PLAIN: Palette = {
  highlight: (s) => s,
  stance: (_stance, s) => s,
  dim: (s) => s,
  bold: (s) => s,
};

function useColor(opts: Options, io: ScanIO): boolean {
  if (opts.color) return true;
  if (opts.noColor) return false;
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return io.stdout.isTTY === true;
}

const MAX_CONTEXT = 160;

/** Bounds of the sentence (or line) around [start, end), clipped to a readable length. */
function sentenceAround(
  text: string,
  start: number,
  end: number,
): { from: number; to: number; clippedLeft: boolean; clippedRight: boolean } {
  let from = start;
  while (from > 0) {
    const prev = text[from - 1] ?? '';
    if (prev === '\n') break;
    if (/\s/.test(prev) && /[.!?…]/.test(text[from - 2] ?? '')) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const ch = text[to] ?? '';
    if (ch === '\n') break;
    if (/\s/.test(ch) && /[.!?…]/.test(text[to - 1] ?? '')) break;
    to++;
  }
  const clippedLeft = start - from > MAX_CONTEXT;
  const clippedRight = to - end > MAX_CONTEXT;
  if (clippedLeft) from = start - MAX_CONTEXT;
  if (clippedRight) to = end + MAX_CONTEXT;
  return { from, to, clippedLeft, clippedRight };
}

/** Untrusted text on one line of the terminal: white space collapsed, controls made visible. */
const oneLine = (s: string) => forTerminal(s.replace(/\s+/g, ' '), { oneLine: true });
const shown = (s: string | null | undefined) => (s === null || s === undefined ? '?' : oneLine(s));

function formatAllegation(
  a: Allegation & { counterStatements?: ReturnType<typeof counterJson>[] },
  source: string,
  p: Palette,
  color: boolean,
): string {
  const { from, to, clippedLeft, clippedRight } = sentenceAround(source, a.start, a.end);
  const before = oneLine(source.slice(from, a.start));
  const span = oneLine(source.slice(a.start, a.end));
  const after = oneLine(source.slice(a.end, to));
  // Without colours the span is marked only when it is a strict part of the sentence.
  const strictPart = before.trim() !== '' || after.trim() !== '';
  const marked = color || !strictPart ? p.highlight(span) : `>>${span}<<`;
  const sentence = `${clippedLeft ? '…' : ''}${before}${marked}${after}${clippedRight ? '…' : ''}`.trim();
  const fields = [
    p.stance(a.stance, shown(a.stance)),
    `accused ${shown(a.accused)}`,
    `accuser ${shown(a.accuser)}`,
    `action ${shown(a.action)}`,
  ];
  if (a.hedged) fields.push('hedged');
  if (a.target) fields.push(`target ${oneLine(JSON.stringify(a.target))}`);
  fields.push(a.confidence.toFixed(2), `[${a.start}-${a.end}]`);
  // A pack's strings are as untrusted as the page: its speaker, reason and URL are shown, never obeyed.
  const counters = (a.counterStatements ?? [])
    .slice(0, 3)
    .map(
      (c) =>
        `\n    ↳ ${shown(c.relation)} · ${shown(c.speaker)} (${shown(c.date)}) · ${shown(c.why)}\n      ${p.dim(shown(c.source.url))}`,
    )
    .join('');
  return `${sentence}\n  ${fields.join(p.dim(' · '))}${counters}\n`;
}

function summary(result: DetectResult): string {
  const n = result.allegations.length;
  if (n === 0) return `no allegation found (lang ${result.lang})`;
  return `${n} allegation${n === 1 ? '' : 's'} (lang ${result.lang})`;
}

// ---------------------------------------------------------------- counter-statements

/** The detector plus the claim index that answers its allegations. */
export interface Scanner {
  detector: Detector;
  index: ClaimIndex | null;
}

/** The JSON shape of a counter-statement in --json / --jsonl output: a subset of the extension's view. */
function counterJson(s: CounterStatement) {
  const v = counterStatementView(s);
  return {
    id: v.id,
    speaker: v.speaker,
    speakerActor: v.speakerActor,
    stance: v.stance,
    relation: v.relation,
    why: v.why,
    date: v.date,
    source: { url: v.source.url, publisher: v.source.publisher },
    incident: v.incident === null ? null : { id: v.incident.id, name: v.incident.name },
    score: v.score,
  };
}

function withCounterStatements(allegations: Allegation[], scanner: Scanner) {
  if (scanner.index === null) return allegations;
  const index = scanner.index;
  // An allegation that names no accuser is matched with the page's accuser for the same accused.
  const accusers = inferAccusers(allegations);
  return allegations.map((a, i) => ({
    ...a,
    counterStatements: index
      .counterStatements(
        { text: a.text, stance: a.stance, accused: a.accused, accuser: accusers[i] ?? null, action: a.action },
        5,
      )
      .map(counterJson),
  }));
}

async function loadPacks(paths: string[]): Promise<ClaimPack[]> {
  const packs: ClaimPack[] = [];
  for (const path of paths) {
    const bytes = await readFileBounded(path, INPUT_LIMITS.packBytes, 'claim pack');
    try {
      packs.push(parsePackBytes(bytes));
    } catch (err) {
      if (err instanceof PackError) throw new UsageError(`invalid claim pack '${path}': ${err.message}`);
      throw err;
    }
  }
  return packs;
}

// ---------------------------------------------------------------- modes

async function scanDocument(opts: Options, io: ScanIO, scanner: Scanner): Promise<number> {
  const input = opts.input ?? '-';
  const raw = await readInput(input, io);
  const ext = input === '-' ? '' : extname(input).toLowerCase();
  const isHtml = opts.text ? false : opts.html || ext === '.html' || ext === '.htm' || looksLikeHtml(raw);
  if (isHtml && nestingDepth(raw, INPUT_LIMITS.htmlDepth) > INPUT_LIMITS.htmlDepth) {
    const name = input === '-' ? 'stdin' : `'${input}'`;
    throw new UsageError(
      `${name} nests HTML elements more than ${INPUT_LIMITS.htmlDepth} levels deep (browsers stop at 512): not read`,
    );
  }
  const text = isHtml ? htmlToText(raw) : raw;
  const result = scanner.detector.detect(text, opts.cyberPage ? { cyberTopic: true } : {});
  const allegations = withCounterStatements(result.allegations, scanner);
  if (opts.json) {
    await writeOut(io.stdout, `${jsonForTerminal({ lang: result.lang, allegations }, 2)}\n`);
    return OK;
  }
  const color = useColor(opts, io);
  const p = color ? COLOR : PLAIN;
  const blocks = allegations.map((a) => formatAllegation(a, text, p, color));
  for (const block of blocks) await writeOut(io.stdout, `${block}\n`);
  await writeOut(io.stdout, `${p.bold(summary(result))}\n`);
  return OK;
}

function lineError(label: string, message: string): string {
  // JSON.parse quotes the input in its messages: an escape sequence in a line must not reach the terminal.
  return `${forTerminal(`${label}: ${message}`.replace(/\s*\n\s*/g, ' '), { oneLine: true }).slice(0, 1_000)}\n`;
}

async function scanJsonl(opts: Options, io: ScanIO, scanner: Scanner): Promise<number> {
  const input = opts.input ?? '-';
  let stream: NodeJS.ReadableStream;
  if (input === '-') {
    stream = io.stdin;
  } else {
    await checkReadable(input);
    stream = createReadStream(input, { encoding: 'utf8' });
  }
  const openError = new Promise<never>((_, reject) => {
    stream.once('error', (err) => reject(new UsageError(`cannot read '${input}': ${describeFsError(err)}`)));
  });
  openError.catch(() => {});
  let failed = false;
  let lineNo = 0;
  const iterate = async () => {
    for await (const read of boundedLines(stream, INPUT_LIMITS.jsonlLineBytes)) {
      lineNo++;
      const label = `line ${lineNo}`;
      if (read.kind === 'too-long') {
        failed = true;
        io.stderr.write(lineError(label, `longer than ${formatBytes(INPUT_LIMITS.jsonlLineBytes)}: skipped`));
        continue;
      }
      if (read.kind === 'invalid-utf8') {
        failed = true;
        io.stderr.write(lineError(label, `invalid UTF-8 at byte ${read.byte} of the line`));
        continue;
      }
      // A UTF-8 byte-order mark on the first line is not part of the JSON.
      const line = lineNo === 1 ? read.text.replace(/^\uFEFF/, '') : read.text;
      if (!line.trim()) continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (err) {
        failed = true;
        io.stderr.write(lineError(label, `invalid JSON: ${err instanceof Error ? err.message : String(err)}`));
        continue;
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        failed = true;
        io.stderr.write(lineError(label, 'not a JSON object'));
        continue;
      }
      const { id, text } = record as { id?: unknown; text?: unknown };
      if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
        failed = true;
        io.stderr.write(lineError(label, 'id must be a string or a number'));
        continue;
      }
      const idLabel = `id ${jsonForTerminal(id)}`;
      if (typeof text !== 'string') {
        failed = true;
        io.stderr.write(lineError(idLabel, 'text must be a string'));
        continue;
      }
      let result: DetectResult;
      try {
        result = scanner.detector.detect(text, opts.cyberPage ? { cyberTopic: true } : {});
      } catch (err) {
        failed = true;
        io.stderr.write(lineError(idLabel, `detector error: ${err instanceof Error ? err.message : String(err)}`));
        continue;
      }
      await writeOut(
        io.stdout,
        `${jsonForTerminal({ id, allegations: withCounterStatements(result.allegations, scanner) })}\n`,
      );
    }
  };
  await Promise.race([iterate(), openError]);
  return failed ? LINE_ERRORS : OK;
}

/**
 * Runs the scan command with the given arguments (without the node / script
 * path) and I/O; resolves to the process exit code.
 */
export async function runScan(argv: string[], io: ScanIO): Promise<number> {
  try {
    const opts = parseOptions(argv);
    if (opts.help) {
      await writeOut(io.stdout, USAGE_TEXT);
      return OK;
    }
    const detector = opts.misp === undefined ? new Detector() : new Detector({ actors: await loadMisp(opts.misp) });
    let index: ClaimIndex | null = null;
    if (!opts.noCounter) {
      const packs = opts.packs.length > 0 ? await loadPacks(opts.packs) : [SEED_PACK];
      index = new ClaimIndex(detector.gazetteer);
      for (const pack of packs) index.addPack(pack);
    }
    const scanner: Scanner = { detector, index };
    return opts.jsonl ? await scanJsonl(opts, io, scanner) : await scanDocument(opts, io, scanner);
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr.write(`scan: ${errorLine(err)}\n`);
      return USAGE;
    }
    // One line, never a stack trace (COUNTERPOINT_DEBUG=1 prints it for a bug report).
    io.stderr.write(`scan: internal error: ${errorLine(err).slice(0, 300)}\n`);
    if (io.env.COUNTERPOINT_DEBUG === '1' && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return USAGE;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return import.meta.url === pathToFileURL(entry).href;
  }
}

if (isMainModule()) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `scan … | head` closes the pipe early: that is not an error.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  runScan(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
