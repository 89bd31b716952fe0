/**
 * Data safety (issue 9), in Chromium with the built extension: what a reader
 * saved and annotated — saved claims, verdicts, notes and tags, the "My
 * annotations" pack, settings — survives a service-worker restart, a browser
 * restart and an extension update, and a full backup restores it into a fresh
 * profile, once, all or nothing. Every wait is for a state (DevTools' worker
 * status, `data-counterpoint-saved`, rows in the database), never for a delay.
 * Also writes the README's screenshots of saving and annotating to
 * tests/e2e/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUserData, setPackVersion, type UserData } from './support/database';
import { ARTIFACTS_DIR, type LoadedExtension, launchExtension } from './support/extension';
import { addInstallProbe, copyBuild, installEvents, setManifestVersion } from './support/extension-copy';
import { fixtureHtml, loadExpectation, waitForScan } from './support/highlights';
import { isolateNetwork } from './support/network';
import {
  clickSaveButton,
  downloadExport,
  importFile,
  savedHighlights,
  selectWithMouse,
  waitForSaveButton,
  waitForSavedCount,
} from './support/saving';
import { watchServiceWorker } from './support/service-worker';

const LESOIR = loadExpectation('lesoir-seed-004');
const REUTERS = loadExpectation('reuters-style');
const XINHUA = loadExpectation('xinhua-seed-000');

/** One saved claim per page, in French and English; the first is annotated and made a statement. */
const SAVES = [
  { page: LESOIR, phrase: 'la Chine agit clairement comme un régime autoritaire' },
  {
    page: REUTERS,
    phrase: "hackers working for Russia's GRU military intelligence agency had broken into the networks",
  },
  {
    page: XINHUA,
    phrase: 'Le gouvernement américain a ouvertement soutenu des organisations dans le lancement de cyberattaques',
  },
] as const;
const [ANNOTATED, SECOND] = SAVES;
const NOTE = 'Accusation politique : aucune preuve technique n’est publiée dans l’article.';
const SECOND_NOTE = 'Matches the NCSC advisory of the same day.';
const REVIEWER = 'Camille Fact-checker';
const DISABLED_SITES = ['rt.com'];

declare const chrome: { runtime: { reload(): void } };

function libraryUrl(ext: LoadedExtension): string {
  return `chrome-extension://${ext.extensionId}/library.html`;
}

async function openLibrary(ext: LoadedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(libraryUrl(ext));
  await page.waitForSelector('input[type="file"]', { state: 'attached' });
  return page;
}

async function serveArticles(context: BrowserContext, extensionId: string): Promise<void> {
  await isolateNetwork(
    context,
    SAVES.map((s) => ({ url: s.page.url, html: fixtureHtml(s.page.fixture) })),
    [`chrome-extension://${extensionId}`],
  );
}

async function openArticle(ext: LoadedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await waitForScan(page);
  return page;
}

/** The library's row for a claim, once listed. */
function row(library: Page, id: string) {
  return library.locator(`[data-annotation-id="${id}"]`);
}

/** Everything a restart must keep, less what the extension itself rewrites (the seed's install date). */
function kept(data: UserData) {
  return {
    savedClaims: data.savedClaims,
    userPacks: data.packs.filter((p) => p.source.kind !== 'builtin'),
    userPackClaims: data.userPackClaims,
    settings: withoutBuiltinChecks(data.settings),
  };
}

/**
 * The settings without the built-in subscription's bookkeeping: every worker start checks the
 * bundled seed pack again (when, "unchanged", and when an update installed it), which is not the
 * user's data.
 */
function withoutBuiltinChecks(settings: UserData['settings']): UserData['settings'] {
  const list = (settings as Record<string, unknown>).subscriptions;
  if (!Array.isArray(list)) return settings;
  return {
    ...settings,
    subscriptions: list.map((sub: Record<string, unknown>) => {
      if (sub.builtin !== true) return sub;
      const { checkedAt: _, status: __, updatedAt: ___, ...rest } = sub;
      return rest;
    }),
  };
}

/** The annotated claim as the library shows it: verdict, note, tags, statement badge. */
async function shownAnnotation(library: Page, id: string) {
  const item = row(library, id);
  await item.waitFor();
  return {
    verdict: await item.locator('.verdict').textContent(),
    note: await item.locator('.note').textContent(),
    tags: await item.locator('.tag').allTextContents(),
    statement: await item.locator('.statement').count(),
  };
}

/** A screenshot of the page from its top down to the last element matching `selector`. */
async function screenshotDownTo(page: Page, selector: string, file: string): Promise<void> {
  const bottom = await page
    .locator(selector)
    .last()
    .evaluate((el) => el.getBoundingClientRect().bottom);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({
    path: join(ARTIFACTS_DIR, file),
    clip: { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, Math.ceil(bottom) + 16) },
  });
}

async function reviewerName(library: Page): Promise<string> {
  return library.locator('label.reviewer input').inputValue();
}

describe('data safety: restarts, an update, and a backup into a fresh profile', () => {
  let root: string;
  let extDir: string;
  let profile: string;
  let ext: LoadedExtension;
  let library: Page;
  /** What the user has after the first test; every later state is compared with it. */
  let saved: UserData;
  let annotatedId: string;
  let shown: Awaited<ReturnType<typeof shownAnnotation>>;
  let backup: string;

  const launch = async () => {
    ext = await launchExtension(extDir, { userDataDir: profile, developerMode: true });
    await serveArticles(ext.context, ext.extensionId);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    root = await mkdtemp(join(tmpdir(), 'counterpoint-safety-'));
    // A copy of the build, so that the update test can rewrite its manifest; same path, same id.
    extDir = join(root, 'extension');
    profile = join(root, 'profile');
    await copyBuild(extDir);
    await addInstallProbe(extDir);
    await launch();
  });

  afterAll(async () => {
    await ext?.close();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it('survives a service-worker restart: the highlight, the verdict and the note are back', async () => {
    // Save one claim on each page, with the Save button next to the selection.
    const pages: Page[] = [];
    for (const [i, s] of SAVES.entries()) {
      const page = await openArticle(ext, s.page.url);
      await selectWithMouse(page, s.phrase);
      if (i === 0) {
        const button = await waitForSaveButton(page);
        await page.screenshot({
          path: join(ARTIFACTS_DIR, 'save-button.png'),
          clip: { x: 0, y: Math.max(0, button.y - 260), width: 1280, height: 400 },
        });
      }
      await clickSaveButton(page);
      await waitForSavedCount(page, 1);
      pages.push(page);
    }
    const [article] = pages as [Page, ...Page[]];
    for (const page of pages.slice(1)) await page.close();

    // Annotate two of them in the library: verdict, note, tags; the first becomes a statement.
    library = await openLibrary(ext);
    await library.fill('label.reviewer input', REVIEWER);
    await expect.poll(() => library.locator('[data-annotation-id]').count()).toBe(SAVES.length);
    const claims = (await readUserData(library)).savedClaims;
    const idOf = (url: string) => claims.find((c) => c.url === url)?.id ?? '';
    annotatedId = idOf(ANNOTATED.page.url);
    const secondId = idOf(SECOND.page.url);

    await row(library, secondId).locator('[data-action="annotate"]').click();
    await library.selectOption('form.edit select[name="verdict"]', 'supported');
    await library.fill('form.edit textarea[name="note"]', SECOND_NOTE);
    await library.fill('form.edit input[name="tags"]', 'gru, ncsc');
    await library.click('[data-action="save-annotation"]');
    await row(library, secondId).locator('.verdict').waitFor();

    await row(library, annotatedId).locator('[data-action="annotate"]').click();
    await library.selectOption('form.edit select[name="verdict"]', 'disputed');
    await library.fill('form.edit textarea[name="note"]', NOTE);
    await library.fill('form.edit input[name="tags"]', 'ipac, chine, à vérifier');
    await library.locator('form.edit').screenshot({ path: join(ARTIFACTS_DIR, 'library-annotate.png') });
    await library.click('[data-action="save-annotation"]');
    await row(library, annotatedId).locator('.verdict').waitFor();
    await row(library, annotatedId).locator('[data-action="statement"]').click();
    await row(library, annotatedId).locator('.statement').waitFor();
    await screenshotDownTo(library, '[data-annotation-id]', 'library.png');

    // A setting, as the popup's site switch writes it.
    await library.evaluate(
      (sites) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ disabledSites: sites }),
      DISABLED_SITES,
    );
    saved = await readUserData(library);
    expect(saved.savedClaims).toHaveLength(SAVES.length);
    expect(saved.packs.map((p) => p.id)).toContain('my-annotations');
    expect(saved.userPackClaims.length).toBeGreaterThan(0);
    expect(saved.settings.disabledSites).toEqual(DISABLED_SITES);
    shown = await shownAnnotation(library, annotatedId);
    expect(shown).toEqual({
      verdict: expect.any(String),
      note: NOTE,
      tags: ['#ipac', '#chine', '#à vérifier'],
      statement: 1,
    });

    // Stop the worker as Chromium does when it is idle; its global scope goes with it.
    await ext.serviceWorker.evaluate(() => {
      (globalThis as { e2eMarker?: number }).e2eMarker = 1;
    });
    const worker = await watchServiceWorker(library, ext.extensionId);
    await worker.stop();
    expect(worker.status()).toBe('stopped');

    // The page wakes it: the saved claim is found again and painted as annotated.
    await article.reload();
    await waitForScan(article);
    await waitForSavedCount(article, 1);
    expect(await savedHighlights(article)).toEqual([`counterpoint-annotated | ${ANNOTATED.phrase}`]);
    await worker.waitFor('running');
    expect(await ext.serviceWorker.evaluate(() => (globalThis as { e2eMarker?: number }).e2eMarker)).toBeUndefined();
    await worker.detach();

    await library.reload();
    expect(await shownAnnotation(library, annotatedId)).toEqual(shown);
    expect(await reviewerName(library)).toBe(REVIEWER);
    expect(kept(await readUserData(library))).toEqual(kept(saved));
  });

  it('survives a browser restart: claims, annotations, My annotations and settings', async () => {
    await ext.close();
    await launch();
    library = await openLibrary(ext);
    expect(kept(await readUserData(library))).toEqual(kept(saved));
    expect(await shownAnnotation(library, annotatedId)).toEqual(shown);
    expect(await reviewerName(library)).toBe(REVIEWER);
    const article = await openArticle(ext, ANNOTATED.page.url);
    await waitForSavedCount(article, 1);
    expect(await savedHighlights(article)).toEqual([`counterpoint-annotated | ${ANNOTATED.phrase}`]);
    await article.close();
  });

  it('survives an extension update: the seed pack is upgraded, the saved claims are kept', async () => {
    // The database as an older release left it: its seed pack older than the one bundled.
    const seed = (await readUserData(library)).packs.find((p) => p.source.kind === 'builtin');
    if (seed === undefined) throw new Error('no built-in pack installed');
    expect(seed.version).toBeGreaterThan(1);
    const seedUpgraded = async (page: Page) => {
      await expect
        .poll(async () => (await readUserData(page)).packs.find((p) => p.id === seed.id)?.version, { timeout: 20_000 })
        .toBe(seed.version);
    };

    // 1. A new version on disk, then a browser start. Chromium (re)installs a --load-extension
    //    extension at every start and reports it as "install", whatever the version before.
    await setPackVersion(library, seed.id, 1);
    await ext.close();
    await setManifestVersion(extDir, '0.2.0');
    await launch();
    library = await openLibrary(ext);
    await expect.poll(async () => (await installEvents(library)).at(-1)?.version).toBe('0.2.0');
    await seedUpgraded(library);
    expect(kept(await readUserData(library))).toEqual(kept(saved));

    // 2. An update in a running browser, as chrome://extensions' reload does for an unpacked
    //    extension: onInstalled says "update" with the version before.
    await setPackVersion(library, seed.id, 1);
    await setManifestVersion(extDir, '0.3.0');
    const restarted = ext.context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`),
    });
    // The worker is gone before it can answer.
    await ext.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    ext.serviceWorker = await restarted;
    library = await openLibrary(ext);
    await expect
      .poll(async () => (await installEvents(library)).at(-1))
      .toEqual({ reason: 'update', previousVersion: '0.2.0', version: '0.3.0' });
    await seedUpgraded(library);
    expect(kept(await readUserData(library))).toEqual(kept(saved));
    expect(await shownAnnotation(library, annotatedId)).toEqual(shown);
    const article = await openArticle(ext, ANNOTATED.page.url);
    await waitForSavedCount(article, 1);
    expect(await savedHighlights(article)).toEqual([`counterpoint-annotated | ${ANNOTATED.phrase}`]);
    await article.close();
  });

  it('restores a full backup into a fresh profile, once, and refuses a corrupted copy whole', async () => {
    backup = await downloadExport(library, 'backup');
    await ext.close();

    const fresh = await launchExtension();
    try {
      const page = await openLibrary(fresh);
      const status = page.locator('p.status');
      await importFile(page, 'backup.json', backup);
      await expect.poll(() => page.locator('[data-annotation-id]').count()).toBe(SAVES.length);
      const restored = await readUserData(page);
      expect(restored.savedClaims).toEqual(saved.savedClaims);
      expect(restored.userPackClaims).toEqual(saved.userPackClaims);
      const strip = (p: UserData['packs'][number]) => ({ id: p.id, version: p.version, counts: p.counts });
      expect(restored.packs.filter((p) => p.source.kind !== 'builtin').map(strip)).toEqual(
        kept(saved).userPacks.map(strip),
      );
      expect(restored.settings.disabledSites).toEqual(DISABLED_SITES);
      expect(await shownAnnotation(page, annotatedId)).toEqual(shown);
      expect(await reviewerName(page)).toBe(REVIEWER);

      // Twice: every claim is recognised by its id, nothing is added.
      const once = await status.textContent();
      await importFile(page, 'backup.json', backup);
      await expect.poll(() => status.textContent()).not.toBe(once);
      expect(await status.textContent()).toMatch(new RegExp(`\\b0\\b.*\\b${SAVES.length}\\b`));
      expect(kept(await readUserData(page))).toEqual(kept(restored));

      // Corrupted copies are refused whole, with the field named; nothing changes.
      const parsed = JSON.parse(backup) as {
        savedClaims: Array<Record<string, unknown>>;
        packs: Array<{ claims: Array<Record<string, unknown>> }>;
        settings: Record<string, unknown>;
      };
      const corrupt = (edit: (b: typeof parsed) => void): string => {
        const copy = structuredClone(parsed);
        // A new claim first: an import that was not all or nothing would keep it.
        copy.savedClaims.unshift({ ...copy.savedClaims[0], id: 'urn:uuid:00000000-0000-4000-8000-000000000001' });
        copy.settings = { disabledSites: ['example.org'] };
        edit(copy);
        return JSON.stringify(copy);
      };
      const cases: Array<[string, string, RegExp]> = [
        ['truncated', backup.slice(0, Math.floor(backup.length / 2)), /JSON/],
        [
          'a bad verdict',
          corrupt((b) => {
            (b.savedClaims[2] as Record<string, unknown>).verdict = 'probably';
          }),
          /\$\.savedClaims\[2\]\.verdict: expected one of/,
        ],
        [
          'a bad date in a pack',
          corrupt((b) => {
            (b.packs[0]?.claims[0] as Record<string, unknown>).date = 'last Tuesday';
          }),
          /\$\.packs\[0\].*claims\[0\]\.date/,
        ],
      ];
      for (const [label, text, error] of cases) {
        const before = await status.textContent();
        await importFile(page, `${label}.json`, text);
        await expect.poll(() => status.textContent(), { message: label }).not.toBe(before);
        expect(await status.textContent(), label).toMatch(error);
        expect(kept(await readUserData(page)), label).toEqual(kept(restored));
      }
      expect(await page.locator('[data-annotation-id]').count()).toBe(SAVES.length);
    } finally {
      await fresh.close();
    }
  });
});
