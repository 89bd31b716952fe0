/**
 * `npm run eval [-- --errors] [-- --json]`: runs the detector on the labelled
 * sentences in tests/fixtures/labelled/{en,fr}.jsonl and prints detection
 * precision / recall / F1, attribute accuracy and language-id accuracy.
 */

import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Detector, type PageContext } from '../core/detect';
import type { Allegation, Stance } from '../core/types';
import { STANCES } from '../core/types';
import {
  type Accuracy,
  ATTRIBUTES,
  computeMetrics,
  type EvalMismatch,
  type EvalRow,
  type ExpectedLabel,
  type GroupMetrics,
  listErrors,
  type Metrics,
} from './eval-metrics';
import { INPUT_LIMITS, readFileBounded } from './input';
import { errorLine, forTerminal, jsonForTerminal } from './terminal';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_FIXTURES = join(ROOT, 'tests', 'fixtures', 'labelled');
const FILES = ['en.jsonl', 'fr.jsonl'];

const USAGE_TEXT = `Usage: npm run eval -- [options]

Runs the detector on tests/fixtures/labelled/en.jsonl and fr.jsonl. A sentence
counts as detected when at least one allegation is returned; attributes are
taken from the highest-confidence allegation.

Options:
  --errors       also list every error (id, expected vs got, text)
  --json         print the metrics (and errors with --errors) as JSON
  --dir DIR      read en.jsonl / fr.jsonl from DIR instead
  --cyber-page   read every sentence as part of a page about cyber operations
                 (as the extension does on such a page); by default a
                 sentence without context is read alone, as scan --jsonl does
  -h, --help     show this help
`;

export interface LabelledLine extends ExpectedLabel {
  id: string;
  lang: string;
  text: string;
  /** Sentences that come before `text` on the same page (headline first): read as its article, not scored. */
  context?: string[];
}

function isStance(v: unknown): v is Stance {
  return typeof v === 'string' && (STANCES as readonly string[]).includes(v);
}

/** Validates one fixture line; throws with a readable message when malformed. */
export function parseLabelledLine(line: string): LabelledLine {
  const raw = JSON.parse(line) as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not a JSON object');
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' && typeof r.id !== 'number') throw new Error('id must be a string or a number');
  if (typeof r.text !== 'string') throw new Error('text must be a string');
  if (typeof r.lang !== 'string') throw new Error('lang must be a string');
  if (typeof r.allegation !== 'boolean') throw new Error('allegation must be a boolean');
  const nullableString = (key: string): string | null => {
    const v = r[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new Error(`${key} must be a string or null`);
    return v;
  };
  const stance = r.stance ?? null;
  if (stance !== null && !isStance(stance)) throw new Error(`unknown stance ${JSON.stringify(stance)}`);
  const hedged = r.hedged ?? null;
  if (hedged !== null && typeof hedged !== 'boolean') throw new Error('hedged must be a boolean or null');
  const context = r.context ?? undefined;
  if (context !== undefined && (!Array.isArray(context) || !context.every((c) => typeof c === 'string')))
    throw new Error('context must be a list of strings');
  return {
    ...(context !== undefined && context.length > 0 ? { context: context as string[] } : {}),
    id: String(r.id),
    lang: r.lang,
    text: r.text,
    allegation: r.allegation,
    stance,
    accused: nullableString('accused'),
    accuser: nullableString('accuser'),
    hedged,
    kind: nullableString('kind'),
  };
}

export async function loadLabelled(dir: string): Promise<LabelledLine[]> {
  const out: LabelledLine[] = [];
  for (const file of FILES) {
    const path = join(dir, file);
    const content = (await readFileBounded(path, INPUT_LIMITS.documentBytes, 'fixture file')).toString('utf8');
    content.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(parseLabelledLine(line));
      } catch (err) {
        throw new Error(`${path} line ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }
  return out;
}

/** Highest-confidence allegation (the first one on ties). */
export function topAllegation(allegations: readonly Allegation[]): Allegation | null {
  let best: Allegation | null = null;
  for (const a of allegations) if (!best || a.confidence > best.confidence) best = a;
  return best;
}

export function evaluate(
  lines: readonly LabelledLine[],
  detector: Detector = new Detector(),
  page: PageContext = {},
): EvalRow[] {
  return lines.map((line) => {
    // With context, the sentence is read at the end of its article; only allegations in it count.
    const before = line.context === undefined ? '' : `${line.context.join('\n\n')}\n\n`;
    const result = detector.detect(before + line.text, page);
    const top = topAllegation(result.allegations.filter((a) => a.start >= before.length));
    return {
      id: line.id,
      lang: line.lang,
      text: line.text,
      expected: line,
      got: {
        lang: result.lang,
        allegation: top
          ? {
              stance: top.stance,
              accused: top.accused,
              accuser: top.accuser,
              hedged: top.hedged,
              confidence: top.confidence,
            }
          : null,
      },
    };
  });
}

// ---------------------------------------------------------------- printing

const pct = (v: number | null) => (v === null ? '  n/a' : (v * 100).toFixed(1).padStart(5));
const acc = (a: Accuracy) => pct(a.accuracy);

function tableRow(name: string, g: GroupMetrics): string {
  const d = g.detection;
  return [
    name.padEnd(8),
    String(g.count).padStart(5),
    String(g.positives).padStart(5),
    String(d.tp).padStart(5),
    String(d.fp).padStart(5),
    String(d.fn).padStart(5),
    pct(d.precision),
    pct(d.recall),
    pct(d.f1),
    ...ATTRIBUTES.map((attr) => acc(g.attributes[attr]).padStart(attr.length)),
    acc(g.langId).padStart(7),
  ].join('  ');
}

export function formatMetrics(m: Metrics): string {
  const header = [
    'lang'.padEnd(8),
    'n'.padStart(5),
    'pos'.padStart(5),
    'tp'.padStart(5),
    'fp'.padStart(5),
    'fn'.padStart(5),
    '    P',
    '    R',
    '   F1',
    ...ATTRIBUTES,
    'lang-id',
  ].join('  ');
  const lines = [
    'Detection (sentence level, %) and attribute accuracy on true positives (%)',
    '',
    header,
    ...Object.entries(m.byLang).map(([lang, g]) => tableRow(lang, g)),
    tableRow('overall', m.overall),
  ];
  const kinds = Object.entries(m.byKind);
  if (kinds.length > 0) {
    lines.push('', 'Detection accuracy per kind (%)');
    const width = Math.max(...kinds.map(([k]) => k.length));
    for (const [kind, a] of kinds) lines.push(`  ${kind.padEnd(width)}  ${acc(a)}  (${a.correct}/${a.total})`);
  }
  return `${lines.join('\n')}\n`;
}

const show = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

export function formatErrors(errors: readonly EvalMismatch[]): string {
  if (errors.length === 0) return 'No errors.\n';
  const lines = [`Errors (${errors.length}):`];
  for (const e of errors) {
    const what = e.type === 'attribute' ? `${e.field}` : e.type;
    lines.push(`${e.id} [${e.lang}] ${what}: expected ${show(e.expected)}, got ${show(e.got)}`);
    lines.push(`    ${e.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Rounds every number to 4 decimals so the JSON stays readable. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v)));
}

export async function runEval(
  argv: string[],
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
): Promise<number> {
  let values: { errors?: boolean; json?: boolean; dir?: string; help?: boolean; 'cyber-page'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        errors: { type: 'boolean' },
        json: { type: 'boolean' },
        dir: { type: 'string' },
        'cyber-page': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr.write(`eval: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE_TEXT);
    return 0;
  }
  let lines: LabelledLine[];
  try {
    lines = await loadLabelled(values.dir ? resolve(values.dir) : DEFAULT_FIXTURES);
  } catch (err) {
    io.stderr.write(`eval: ${errorLine(err)}\n`);
    return 2;
  }
  const started = performance.now();
  const rows = evaluate(lines, new Detector(), values['cyber-page'] ? { cyberTopic: true } : {});
  const elapsed = performance.now() - started;
  const metrics = computeMetrics(rows);
  const errors = values.errors ? listErrors(rows) : undefined;
  if (values.json) {
    io.stdout.write(`${jsonForTerminal(rounded(errors ? { ...metrics, errors } : metrics), 2)}\n`);
    return 0;
  }
  io.stdout.write(formatMetrics(metrics));
  io.stdout.write(
    `\n${rows.length} sentences in ${elapsed.toFixed(0)} ms (${(elapsed / Math.max(1, rows.length)).toFixed(2)} ms/sentence)\n`,
  );
  // The fixture lines are input: their text is shown, never obeyed by the terminal.
  if (errors) io.stdout.write(`\n${forTerminal(formatErrors(errors))}`);
  return 0;
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
    // `eval … | head` closes the pipe early: that is not an error.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  runEval(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
