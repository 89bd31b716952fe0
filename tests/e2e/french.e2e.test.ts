/**
 * The interface follows the browser's language: the same page and popup in a
 * Chromium whose UI language is French.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, type LoadedExtension, launchExtension } from './support/extension';
import { fixtureHtml, loadExpectation, waitForScan } from './support/highlights';
import { isolateNetwork } from './support/network';
import { PopupPage } from './support/popup-page';

declare const chrome: {
  i18n: { getUILanguage(): string };
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
};

const LESOIR = loadExpectation('lesoir-seed-004');

describe('in French', () => {
  let ext: LoadedExtension;

  beforeAll(async () => {
    // Debian ships Chromium's other UI languages apart; without them Chromium falls back to English.
    const pak = join(dirname(realpathSync(CHROMIUM_PATH)), 'locales', 'fr.pak');
    if (!existsSync(pak) && !existsSync('/usr/lib/chromium/locales/fr.pak')) {
      throw new Error(`Chromium has no French UI locale (${pak}): apt-get install -y chromium-l10n`);
    }
    ext = await launchExtension(undefined, { lang: 'fr' });
    await isolateNetwork(
      ext.context,
      [{ url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) }],
      [`chrome-extension://${ext.extensionId}`],
    );
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('speaks French in the popup when the browser does', async () => {
    expect(await ext.serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^fr/);
    const page = await ext.context.newPage();
    await page.goto(LESOIR.url);
    await waitForScan(page);
    const [tab] = await ext.serviceWorker.evaluate(() => chrome.tabs.query({ url: 'https://www.lesoir.be/*' }));
    const popup = await PopupPage.open(ext.context, ext.extensionId, tab?.id ?? -1);
    expect(await popup.lang()).toBe('fr');
    expect(await popup.siteSwitch()).toEqual({ label: 'Counterpoint sur lesoir.be', checked: true });
    const status = await popup.page.locator('[data-count]').innerText();
    expect(status).toBe(`${LESOIR.states[0]?.allegations} accusations de cyberattaque sur cette page.`);
    expect(await popup.page.locator('footer').innerText()).toContain('Tout se passe dans votre navigateur');
    // Country names in the UI language.
    expect((await popup.groups())[0]?.label).toBe('Chine');
  });
});
