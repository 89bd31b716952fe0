/**
 * A build step (a Vite plugin, wired in wxt.config.ts): compromise and
 * fr-compromise build their models when their modules are evaluated, ~0.75 s
 * together, and a service worker evaluates every module it holds each time it
 * starts. This plugin swaps src/core/nlp-libs.ts for src/core/nlp-libs.lazy.ts,
 * whose virtual modules hold each library bundled (by esbuild) inside a
 * function: the code ships in the worker's one file (no dynamic import, which
 * MV3 service workers do not allow) and runs on the first call only.
 */
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { compromiseSnapshot, frLexiconFromFile } from './compromise-snapshot';

const PREFIX = 'counterpoint-lazy:';
/** What each lazy module bundles: compromise's tagger (`compromise/two`: the detector reads tags only), patched by ./compromise-snapshot.ts. */
const LIBS = new Map([
  ['compromise', { entry: 'compromise/two', plugins: [compromiseSnapshot()] }],
  // fr-compromise from its sources (the package exports only its prebuilt bundle), so that its
  // lexicon can come from a file the worker reads first (./compromise-snapshot.ts, French part).
  [
    'fr-compromise',
    { entry: './node_modules/fr-compromise/src/index.js', plugins: [compromiseSnapshot(), frLexiconFromFile()] },
  ],
]);
const EAGER = /[\\/]src[\\/]core[\\/]nlp-libs(?:\.ts)?$/;
/**
 * The detector (src/core/detect.ts and all it imports), for the service
 * worker's own reading: in Chrome the NLP host reads the sentences, and the
 * worker reads them only when the host cannot answer. Bundled like the
 * libraries, it costs the worker's start nothing but its bytes (~25 ms of
 * module evaluation otherwise). It reaches the libraries through the worker's
 * own `nlp-libs` (one copy of compromise, evaluated at most once).
 */
const DETECTOR = 'detector';

/** A module whose default export evaluates `pkg` on its first call and returns its default export. */
export async function lazyModule(pkg: string, root: string): Promise<string> {
  if (pkg === DETECTOR) return lazyDetector(root);
  const lib = LIBS.get(pkg);
  if (lib === undefined) throw new Error(`lazy-nlp: ${pkg} is not one of ${[...LIBS.keys()].join(', ')}`);
  const out = await build({
    stdin: {
      contents: `export { default } from ${JSON.stringify(lib.entry.startsWith('./') ? resolve(root, lib.entry) : lib.entry)};`,
      resolveDir: root,
      loader: 'js',
    },
    plugins: lib.plugins,
    bundle: true,
    format: 'iife',
    globalName: '__counterpointLib',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`lazy-nlp: esbuild wrote nothing for ${pkg}`);
  return `let lib;\nexport default function load() {\n  if (lib === undefined) {\n${code}\n    lib = __counterpointLib.default;\n  }\n  return lib;\n}\n`;
}

/** `counterpoint-lazy:detector`: `{ Detector }`, evaluated at the first call. */
async function lazyDetector(root: string): Promise<string> {
  const libs = resolve(root, 'src/core/nlp-libs.ts');
  const out = await build({
    stdin: {
      contents: `export { Detector } from ${JSON.stringify(resolve(root, 'src/core/detect.ts'))};`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__counterpointLib',
    platform: 'browser',
    target: 'es2022',
    tsconfig: resolve(root, 'tsconfig.json'),
    plugins: [
      {
        name: 'counterpoint:shared-nlp-libs',
        setup(b) {
          // The libraries stay the worker's: the bundle asks for them at its evaluation.
          b.onResolve({ filter: /nlp-libs(?:\.ts)?$/ }, () => ({ path: NLP_LIBS_ID, external: true }));
        },
      },
    ],
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text;
  if (code === undefined) throw new Error('lazy-nlp: esbuild wrote nothing for the detector');
  if (!code.includes(`require("${NLP_LIBS_ID}")`))
    throw new Error('lazy-nlp: the detector bundle no longer asks for the shared nlp-libs');
  return [
    `import * as nlpLibs from ${JSON.stringify(libs)};`,
    'let lib;',
    'export default function load() {',
    '  if (lib === undefined) {',
    `    const require = (id) => { if (id === ${JSON.stringify(NLP_LIBS_ID)}) return nlpLibs; throw new Error('lazy-nlp: ' + id); };`,
    code,
    '    lib = __counterpointLib;',
    '  }',
    '  return lib;',
    '}',
    '',
  ].join('\n');
}
const NLP_LIBS_ID = 'counterpoint:nlp-libs';

/** The Vite plugin (structurally typed: the config needs no import from Vite). */
export function lazyNlp(root: string) {
  return {
    name: 'counterpoint:lazy-nlp',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      if (source.startsWith(PREFIX)) return `\0${source}`;
      if (importer === undefined || !source.includes('nlp-libs') || source.includes('.lazy')) return null;
      const target = resolve(dirname(importer), source);
      return EAGER.test(target) ? resolve(root, 'src/core/nlp-libs.lazy.ts') : null;
    },
    load(id: string) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      return lazyModule(id.slice(PREFIX.length + 1), root);
    },
  };
}
