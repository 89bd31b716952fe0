import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

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
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  alias: {
    '@core': resolve(__dirname, 'src/core'),
    '@src': resolve(__dirname, 'src'),
  },
  manifest: ({ browser }) => ({
    name: 'Counterpoint',
    description: 'See the other sides of cyber-attack allegations, on the page and privately.',
    // storage: per-tab reports in storage.session. No host permission, no "tabs":
    // the content script's match list is the only access to pages.
    permissions: ['storage'],
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
  zip: {
    // The sources zip (for AMO review) is what rebuilds the add-on, not local output.
    excludeSources: ['tests/e2e/artifacts/**', 'scratch/**', 'coverage/**'],
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
