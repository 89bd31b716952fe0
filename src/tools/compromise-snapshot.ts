/**
 * A build step for the extension's copy of compromise (used by ./lazy-nlp.ts):
 * two source patches, applied by esbuild while it bundles the library, that
 * take ~80 ms off the service worker's first English answer and change no tag.
 *
 * 1. The English lexicon is shipped expanded. compromise unpacks its
 *    compressed word lists and conjugates every verb, noun and adjective form
 *    each time the library is evaluated (`preTagger/model/index.js` calling
 *    `expandLexicon`). Here that module is evaluated once, at build time, in
 *    Node, and its result is written into the bundle as data: for each table,
 *    its keys joined in one string and a character per key naming its value
 *    (`flatExpression`; a third the size of its JSON, and the worker loads
 *    every byte of its script at each start).
 * 2. `mergeDeep` (`API/extend.js`), which copies each plugin's model into the
 *    library's, assigns each key directly instead of through
 *    `Object.assign(model, { [key]: value })`: the same [[Set]], without an
 *    object allocated for each of the lexicon's ~25,000 words.
 *
 * Each patch finds the exact source text it replaces, or the build fails: an
 * upgrade of compromise that moves it cannot yield a silently different
 * tagger. tests/unit/lazy-nlp.test.ts tags every labelled English sentence with
 * the patched and the stock library and asserts the same terms and tags.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FR_LEXICON_FILE, FR_LEXICON_KEY } from '../core/nlp-data';

/** The esbuild plugin's shape (structural: no import of esbuild's types needed by callers). */
export interface SourcePatchPlugin {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => Promise<{ contents: string; loader: 'js'; resolveDir?: string }>,
    ): void;
  }): void;
}

const MODEL_FILE = /compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/;
const EXTEND_FILE = /compromise[\\/]src[\\/]API[\\/]extend\.js$/;

/** Replaces `from` (which must occur exactly once) with `to`. */
function replaceOnce(source: string, from: string, to: string, file: string): string {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    throw new Error(`compromise-snapshot: ${file} no longer holds exactly one ${JSON.stringify(from)}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

interface ExpandedModel {
  one: { lexicon: object; _multiCache: object; frozenLex: object };
  two: { switches: object; uncountable: object };
}

/** `preTagger/model/index.js`, with the lexicon it computes at evaluation written in as data. */
const CODE_BASE = 35;
const CODE_COUNT = 127 - CODE_BASE;

/**
 * A flat object as compact data that rebuilds it, keys in the same order: its
 * keys joined by a separator none of them holds, and one character per key
 * naming its value in a table of the distinct values (the English lexicon:
 * ~25,000 words and 66 tags, ~0.25 MB where its JSON is ~0.5 MB);
 * `flatExpression` writes it as a call of the module's `expandFlat`.
 */
export interface FlatData {
  keys: string;
  sep: string;
  table: unknown[];
  codes: string;
}

export function flatData(obj: Record<string, unknown>, name: string): FlatData {
  const keys = Object.keys(obj);
  const sep = [',', ';', '|', '\t', '\n'].find((c) => keys.every((k) => !k.includes(c)));
  if (sep === undefined) throw new Error(`compromise-snapshot: no separator fits the keys of ${name}`);
  const table: unknown[] = [];
  const index = new Map<string, number>();
  let codes = '';
  for (const key of keys) {
    const value = JSON.stringify(obj[key]);
    let i = index.get(value);
    if (i === undefined) {
      i = table.length;
      if (i >= CODE_COUNT) throw new Error(`compromise-snapshot: ${name} has more than ${CODE_COUNT} distinct values`);
      index.set(value, i);
      table.push(obj[key]);
    }
    codes += String.fromCharCode(CODE_BASE + i);
  }
  return { keys: keys.join(sep), sep, table, codes };
}

export function flatExpression(obj: Record<string, unknown>, name: string): string {
  const { keys, sep, table, codes } = flatData(obj, name);
  return `expandFlat(${JSON.stringify(keys)}, ${JSON.stringify(sep)}, ${JSON.stringify(table)}, ${JSON.stringify(codes)})`;
}

const EXPAND_FLAT = `function expandFlat(keys, sep, table, codes) {
  const out = {}
  const list = keys === '' ? [] : keys.split(sep)
  for (let i = 0; i < list.length; i++) out[list[i]] = table[codes.charCodeAt(i) - ${CODE_BASE}]
  return out
}
`;

/** `preTagger/model/index.js`, with the lexicon it computes at evaluation written in as data. */
export async function snapshotModelSource(modelFile: string): Promise<string> {
  const source = await readFile(modelFile, 'utf8');
  const file = 'preTagger/model/index.js';
  // The source is checked before the module is evaluated.
  const DATA = '/*counterpoint:expanded*/';
  let out = replaceOnce(
    source,
    "import { lexicon, switches, frozenLex } from './lexicon/index.js'\n",
    `${EXPAND_FLAT}const expanded = ${DATA}\nconst { lexicon, switches, frozenLex } = expanded\n`,
    file,
  );
  out = replaceOnce(out, "import expandLexicon from './_expand/index.js'\n", '', file);
  out = replaceOnce(out, '    _multiCache: {},', '    _multiCache: expanded.multi,', file);
  out = replaceOnce(out, '    uncountable: {},', '    uncountable: expanded.uncountable,', file);
  out = replaceOnce(out, 'model = expandLexicon(model)\n', '', file);
  const { default: model } = (await import(pathToFileURL(modelFile).href)) as { default: ExpandedModel };
  const parts: Record<string, object> = {
    lexicon: model.one.lexicon,
    multi: model.one._multiCache,
    frozenLex: model.one.frozenLex,
    switches: model.two.switches,
    uncountable: model.two.uncountable,
  };
  const data = `{ ${Object.entries(parts)
    .map(([key, obj]) => `${key}: ${flatExpression(obj as Record<string, unknown>, key)}`)
    .join(',\n')} }`;
  return out.replace(DATA, () => data);
}

/** `API/extend.js` with `mergeDeep` assigning directly. */
export async function patchedExtendSource(extendFile: string): Promise<string> {
  const source = await readFile(extendFile, 'utf8');
  return replaceOnce(
    source,
    'Object.assign(model, { [key]: plugin[key] })',
    'model[key] = plugin[key]',
    'API/extend.js',
  );
}

/** An esbuild plugin replacing each file a filter matches with its patched source. */
function sourcePatches(name: string, patches: Array<[RegExp, (file: string) => Promise<string>]>): SourcePatchPlugin {
  return {
    name,
    setup(build) {
      for (const [filter, patch] of patches)
        build.onLoad({ filter }, async (args) => ({
          contents: await patch(args.path),
          loader: 'js',
          resolveDir: join(args.path, '..'),
        }));
    },
  };
}

/** The esbuild plugin applying both patches to compromise's sources. */
export function compromiseSnapshot(): SourcePatchPlugin {
  return sourcePatches('counterpoint:compromise-snapshot', [
    [MODEL_FILE, snapshotModelSource],
    [EXTEND_FILE, patchedExtendSource],
  ]);
}

// --------------------------------------------------------------- French

/**
 * fr-compromise expands its 63,339-word lexicon (unpacking, conjugating every
 * verb, plural and feminine) when its lexicon module is evaluated, ~230 ms,
 * then compromise's `addWords` normalises each word again, ~100 ms. Written
 * into the worker's script that data would weigh ~0.9 MB, loaded at every
 * start, English ones included: so it ships as a file (`FR_LEXICON_FILE`,
 * written by the build from `frLexiconData`) that the worker reads before
 * its first French sentence and hands over here (`FR_LEXICON_KEY`). With it,
 * the lexicon plugin gives the library its words already normalised, as
 * model data; without it (the file not read, as in a MISP import's first use),
 * the library expands its words as it always did: same words, same tags
 * (tests/unit/lazy-nlp.test.ts).
 */
export { FR_LEXICON_FILE, FR_LEXICON_KEY };

const FR_LEXICON_MODULE = /fr-compromise[\\/]src[\\/]01-one[\\/]lexicon[\\/]model[\\/]lexicon\.js$/;
const FR_LEXICON_PLUGIN = /fr-compromise[\\/]src[\\/]01-one[\\/]lexicon[\\/]plugin\.js$/;

/** The French lexicon as the file holds it: the words as the library's model stores them. */
export interface FrLexiconData {
  lexicon: FlatData;
  multi: FlatData;
}

/** The file's content, computed in Node from fr-compromise's own modules (the build). */
export async function frLexiconData(root: string): Promise<FrLexiconData> {
  const fr = join(root, 'node_modules/fr-compromise');
  const { default: words } = (await import(pathToFileURL(join(fr, 'src/01-one/lexicon/model/lexicon.js')).href)) as {
    default: Record<string, unknown>;
  };
  const { default: expand } = (await import(
    pathToFileURL(join(fr, 'node_modules/compromise/src/1-one/lexicon/methods/expand.js')).href
  )) as { default: (w: Record<string, unknown>) => { lex: Record<string, unknown>; _multi: Record<string, unknown> } };
  // What `addWords` does before expanding: a copy, so the module's own object stays as it was.
  const normalised: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(words))
    normalised[k] = typeof v === 'string' && v.startsWith('#') ? v.slice(1) : v;
  const { lex, _multi } = expand(normalised);
  return { lexicon: flatData(lex, 'fr lexicon'), multi: flatData(_multi, 'fr multi') };
}

/** `01-one/lexicon/model/lexicon.js` evaluated only when called. */
export async function frLexiconModuleSource(file: string): Promise<string> {
  const source = await readFile(file, 'utf8');
  const name = 'fr 01-one/lexicon/model/lexicon.js';
  const imports = source.match(/^(?:import .*\n)+/)?.[0];
  if (imports === undefined) throw new Error(`compromise-snapshot: ${name} no longer starts with its imports`);
  const body = replaceOnce(source.slice(imports.length), 'export default lexicon', 'return lexicon', name);
  return `${imports}export default function computeLexicon() {\n${body}\n}\n`;
}

/** `01-one/lexicon/plugin.js`: the handed-over words as model data, or the words computed. */
export async function frLexiconPluginSource(file: string): Promise<string> {
  const source = await readFile(file, 'utf8');
  const name = 'fr 01-one/lexicon/plugin.js';
  let out = replaceOnce(
    source,
    "import words from './model/lexicon.js'\n",
    "import computeLexicon from './model/lexicon.js'\n",
    name,
  );
  out = replaceOnce(out, 'export default {', 'const plugin = {', name);
  out = replaceOnce(out, '  words,\n', '', name);
  return `${EXPAND_FLAT}${out}
const handed = globalThis[Symbol.for(${JSON.stringify(FR_LEXICON_KEY)})]
if (handed !== undefined) {
  const data = (d) => expandFlat(d.keys, d.sep, d.table, d.codes)
  plugin.model = { one: { lexicon: data(handed.lexicon), _multiCache: data(handed.multi) } }
} else {
  plugin.words = computeLexicon()
}
export default plugin
`;
}

/** The esbuild plugin for fr-compromise's sources. */
export function frLexiconFromFile(): SourcePatchPlugin {
  return sourcePatches('counterpoint:fr-lexicon', [
    [FR_LEXICON_MODULE, frLexiconModuleSource],
    [FR_LEXICON_PLUGIN, frLexiconPluginSource],
  ]);
}
