import type { BrowserContext, Page } from 'playwright-core';

export interface ListedAllegation {
  text: string;
  stance: string;
  accused: string;
  accusedLabel: string;
  accuserLabel: string;
}

/** Page object for `popup.html`, opened in a tab for a given tab's report. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await page.locator('[data-count]').waitFor({ timeout: 30_000 });
    return new PopupPage(page);
  }

  async title(): Promise<string> {
    return (await this.page.locator('h1').textContent()) ?? '';
  }

  async count(): Promise<number> {
    return Number(await this.page.locator('[data-count]').getAttribute('data-count'));
  }

  async allegations(): Promise<ListedAllegation[]> {
    return this.page.locator('article[data-stance]').evaluateAll((articles) =>
      articles.map((a) => ({
        text: a.querySelector('blockquote')?.textContent ?? '',
        stance: a.getAttribute('data-stance') ?? '',
        accused: a.getAttribute('data-accused') ?? '',
        accusedLabel: a.querySelector('[data-field="accused"]')?.textContent ?? '',
        accuserLabel: a.querySelector('[data-field="accuser"]')?.textContent ?? '',
      })),
    );
  }
}
