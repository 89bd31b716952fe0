import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES } from './src/content/sites';
import { FR_LEXICON_FILE } from './src/core/nlp-data';
import { SEED_PACK_INPUT } from './src/data/seed-pack/bundled';
import { SEED_PACK_FILE } from './src/data/seed-pack/version';
import { frLexiconData } from './src/tools/compromise-snapshot';
import { lazyNlp } from './src/tools/lazy-nlp';
import { preactWithoutInnerHtml } from './src/tools/preact-without-inner-html';

const ICONS = {
  16: 'icon/16.png',
  32: 'icon/32.png',
  48: 'icon/48.png',
  128: 'icon/128.png',
};

// Thin wiring only: every dependency is imported explicitly (imports: false),
// logic lives in src/, entrypoints/ only binds it to the browser.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // Several builds side by side (parallel work, benchmarks): COUNTERPOINT_OUT_DIR=.output-x npm run build.
  outDir: process.env.COUNTERPOINT_OUT_DIR ?? '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  alias: {
    '@core': resolve(__dirname, 'src/core'),
    '@src': resolve(__dirname, 'src'),
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (local) and per-tab reports (session).
    // activeTab + scripting: "Scan this page" on a site outside the list, after a click on the button.
    // scripting also registers the content script on sites the user granted (optional host permissions).
    // No "tabs": the popup reads a tab's address only where a host permission or activeTab allows it.
    // contextMenus: "Save to Counterpoint library" on a selection (no install-time warning).
    // offscreen (Chrome): the NLP host's document, whose worker keeps the NLP warm between two starts of
    // the service worker (src/background/nlp-host/). No install-time warning.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The built-in news sites: the content script's matches, and the hosts whose tab address the popup may read.
    host_permissions: [...NEWS_SITE_MATCHES],
    // Any other site, one at a time, when the user switches Counterpoint on there.
    // (MV2 has no optional_host_permissions: origins go in optional_permissions.)
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    commands: {
      'next-allegation': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNext__',
      },
      'previous-allegation': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPrevious__',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    // The toolbar button's title and icons are declared in entrypoints/popup/index.html,
    // from where WXT writes them to `action` (MV3) or `browser_action` (MV2).
    icons: ICONS,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpoint@counterpoint.invalid',
              // 140 (current ESR) is the first to read data_collection_permissions,
              // which AMO requires of new add-ons; storage.session needs 115.
              strict_min_version: '140.0',
              // Local-first: nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The seed pack ships as a file the worker reads only to install or upgrade it, not inside its
    // script: every byte of that script is loaded at each worker start (~30 ms a megabyte here).
    // French's expanded lexicon likewise: read by the worker before its first French sentence
    // (src/tools/compromise-snapshot.ts), never loaded by an English page.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: SEED_PACK_FILE, contents: JSON.stringify(SEED_PACK_INPUT) });
      files.push({ relativeDest: FR_LEXICON_FILE, contents: JSON.stringify(await frLexiconData(__dirname)) });
    },
    // The content script (and its UI, content-ui.js) runs on the page's main thread, where every
    // kilobyte is parsed at each page load: it uses the browser's own promise-based API (Chrome MV3, Firefox) rather than
    // webextension-polyfill, which the background and the extension pages keep (10 KB and ~1.5 ms
    // of start-up on the page's thread saved; see README, "Architecture", src/content/).
    'vite:build:extendConfig': (entrypoints, config) => {
      const onPage = (e: { type: string; name: string }) =>
        e.type === 'content-script' || (e.type === 'unlisted-script' && e.name === 'content-ui');
      if (!entrypoints.every(onPage)) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = {
          ...config.resolve,
          alias: alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser'),
        };
      } else if (alias !== undefined) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  zip: {
    // The sources zip (for AMO review) is what rebuilds the add-on, not local output.
    excludeSources: ['tests/e2e/artifacts/**', 'scratch/**', 'coverage/**'],
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      // ES2022 (Chrome MV3 and Firefox 140 have all of it), not a list of browsers: for any
      // browser target, Vite's default included, esbuild 0.28 rewrites every regular expression
      // literal with a Unicode property escape into `new RegExp(…)`, which is then compiled again
      // at each call (thousands of times while the worker builds its gazetteer) instead of once.
      target: 'es2022',
      // COUNTERPOINT_MINIFY=0: readable bundles, for profiling.
      ...(process.env.COUNTERPOINT_MINIFY === '0' ? { minify: false } : {}),
    },
    // Preact's dangerouslySetInnerHTML path (its one innerHTML write) is taken out: nothing here uses it.
    // compromise and fr-compromise evaluated at their first use, not at each worker start.
    plugins: [preactWithoutInnerHtml(), lazyNlp(__dirname)],
    // The NLP host's worker (src/background/nlp-host/worker.ts) holds the NLP too: the same libraries.
    worker: { format: 'es' as const, plugins: () => [lazyNlp(__dirname)] },
  }),
});
