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

/** A module whose default export evaluates `pkg` on its first call and returns its default export. */
export async function lazyModule(pkg: string, root: string): Promise<string> {
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
