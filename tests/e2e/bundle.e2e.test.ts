import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NEWS_SITE_MATCHES } from '../../src/content/sites';
import { FR_LEXICON_FILE } from '../../src/core/nlp-data';
import { SEED_PACK_INPUT } from '../../src/data/seed-pack/bundled';
import { SEED_PACK_FILE } from '../../src/data/seed-pack/version';
import { assertPrerequisites, CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from './support/extension';

// Strings that survive minification in compromise's bundle (tag names of its
// lexicon and a method of its API) and in Dexie's.
const COMPROMISE_MARKERS = ['PhrasalVerb', 'buildNet'];
const DEXIE_MARKERS = ['Dexie', 'IndexedDB'];
// The content script runs in every listed page; keep it small (the budget is 30 KB).
const CONTENT_GZIP_BUDGET = 30 * 1024;

describe.each([
  ['chrome-mv3', CHROME_BUILD_DIR],
  ['firefox-mv2', FIREFOX_BUILD_DIR],
])('%s bundle', (_, dir) => {
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  it('keeps compromise and Dexie out of the content script', () => {
    assertPrerequisites(dir);
    const content = read('content-scripts/content.js');
    const background = read('background.js');
    for (const marker of COMPROMISE_MARKERS) {
      // Control: the marker does identify compromise, which the background bundles.
      expect(background).toContain(marker);
      expect(content).not.toContain(marker);
    }
    for (const marker of DEXIE_MARKERS) expect(content).not.toContain(marker);
    // The word itself may appear: "compromise" is an operation noun of the lexicon the prefilter shares.
  });

  it('ships the seed pack as a file beside the background script, not inside it', () => {
    assertPrerequisites(dir);
    // What the worker reads (and validates) to install the seed: the pack exactly as assembled.
    expect(JSON.parse(read(SEED_PACK_FILE))).toEqual(JSON.parse(JSON.stringify(SEED_PACK_INPUT)));
    const background = read('background.js');
    // Control: the file does hold these statements' ids; the script that starts with the worker does not.
    const ids = (SEED_PACK_INPUT.claims as Array<{ id: string }>).slice(0, 20).map((c) => c.id);
    for (const id of ids) {
      expect(read(SEED_PACK_FILE)).toContain(`"${id}"`);
      expect(background).not.toContain(id);
    }
  });

  it("ships French's expanded lexicon as a file the worker reads before its first French sentence", () => {
    assertPrerequisites(dir);
    const data = JSON.parse(read(FR_LEXICON_FILE)) as { lexicon: { keys: string; sep: string; codes: string } };
    const words = data.lexicon.keys.split(data.lexicon.sep);
    expect(words.length).toBeGreaterThan(60_000);
    expect(data.lexicon.codes).toHaveLength(words.length);
    // Conjugated forms the build derived (they are in no list fr-compromise ships as such).
    expect(words).toEqual(expect.arrayContaining(['piratons', 'attaquait']));
    expect(read('background.js')).not.toContain(data.lexicon.keys.slice(0, 200));
  });

  it("ships the reader's document and its worker (with the NLP) in Chrome only", () => {
    assertPrerequisites(dir);
    const chrome = JSON.parse(read('manifest.json')).manifest_version === 3;
    expect(existsSync(join(dir, 'nlp-host.html'))).toBe(chrome);
    if (!chrome) return;
    const script = /<script type="module"[^>]* src="\/([^"]+)"/.exec(read('nlp-host.html'))?.[1];
    expect(script).toBeDefined();
    const worker = /new Worker\(([A-Za-z_$][\w$]*),/.exec(read(script as string));
    const workerFile = new RegExp(`${worker?.[1]}="/([^"]+)"`).exec(read(script as string))?.[1];
    expect(workerFile).toMatch(/^assets\/worker-[\w-]+\.js$/);
    for (const marker of COMPROMISE_MARKERS) expect(read(workerFile as string)).toContain(marker);
  });

  it('ships the card, the Save button and the saved claims in content-ui.js, not in the script every page runs', () => {
    assertPrerequisites(dir);
    const content = read('content-scripts/content.js');
    const ui = read('content-ui.js');
    // Message keys only the card and the Save button use; control: content-ui.js holds them.
    for (const key of ['cardDialogLabel', 'cardCounterStatements', 'saveDone']) {
      expect(ui).toContain(key);
      expect(content).not.toContain(key);
    }
    // The content script names the file it asks the background to inject; the manifest does not list it.
    expect(content).toContain('__counterpointUi');
    expect(read('background.js')).toContain('/content-ui.js');
    expect(read('manifest.json')).not.toContain('content-ui');
  });

  it('keeps the content script within its size budget', () => {
    const content = readFileSync(join(dir, 'content-scripts/content.js'));
    const gzipped = gzipSync(content, { level: 9 }).length;
    console.info(`${dir}: content.js ${content.length} B, ${gzipped} B gzipped`);
    expect(gzipped).toBeLessThan(CONTENT_GZIP_BUDGET);
  });

  it('declares the icons and the smallest permission set: storage, activeTab, scripting, contextMenus, alarms (Chrome: offscreen), the news sites', () => {
    assertPrerequisites(dir);
    const manifest = JSON.parse(read('manifest.json'));
    // Permissions and match patterns never change silently: update with `vitest -u` on purpose.
    const { version: _version, ...stable } = manifest;
    expect(stable).toMatchSnapshot();
    const mv3 = manifest.manifest_version === 3;
    const apiPermissions = (manifest.permissions as string[]).filter((p) => !p.includes('://'));
    // offscreen: the reader's document (Chrome only; no install-time warning).
    expect(apiPermissions).toEqual([
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      ...(mv3 ? ['offscreen'] : []),
    ]);
    // No "tabs", no "<all_urls>" granted at install: other sites only on demand.
    const hosts: string[] = mv3
      ? manifest.host_permissions
      : manifest.permissions.filter((p: string) => p.includes('://'));
    expect(hosts).toEqual([...NEWS_SITE_MATCHES]);
    expect(mv3 ? manifest.optional_host_permissions : manifest.optional_permissions).toEqual(['*://*/*']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(Object.keys(manifest.commands).sort()).toEqual(['next-allegation', 'previous-allegation', 'save-selection']);
    expect(manifest.default_locale).toBe('en');
    for (const size of ['16', '32', '48', '128']) {
      expect(manifest.icons[size]).toBe(`icon/${size}.png`);
      expect(existsSync(join(dir, 'icon', `${size}.png`))).toBe(true);
    }
    const scripts = manifest.content_scripts as Array<{ matches: string[]; run_at?: string }>;
    expect(scripts).toHaveLength(1);
    expect([...(scripts[0]?.matches ?? [])].sort()).toEqual([...NEWS_SITE_MATCHES].sort());
  });
});
