import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
}

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

  /** axe-core's violations on the popup as rendered (WCAG 2.x A/AA rules). */
  async accessibilityViolations(): Promise<AxeViolation[]> {
    // evaluate() is not subject to the extension page's CSP, unlike a script tag.
    await this.page.evaluate(AXE_SOURCE);
    return this.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe;
      const results = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
  }
}

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; nodes: unknown[] }>;
}
