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
  /** Position in the tab's report (what "Show on page" sends as `reveal`'s index). */
  index: number;
  hedged: boolean;
  /** The ranked counter-statements' claim ids (`${packId}/${claim id}`), in the order shown. */
  claimIds: string[];
}

export interface ListedGroup {
  /** Actor id of the accused ("CN"), empty for the "not named" group. */
  accused: string;
  /** The heading's display name ("China"). */
  label: string;
  count: number;
  /** Report indexes of the group's allegations, in the order shown. */
  indexes: number[];
}

/** What the popup says when there is no list: `data-state` of the status line. */
export type PopupState = 'report' | 'empty' | 'not-scanned' | 'unscannable' | null;

/** Page object for `popup.html`, opened in a tab for a given tab's report. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    // Until the background has looked up the counter-statements, the report says it is matching.
    await page.locator('[data-count]:not([data-matching])').waitFor({ timeout: 30_000 });
    return new PopupPage(page);
  }

  async title(): Promise<string> {
    return (await this.page.locator('h1').textContent()) ?? '';
  }

  async count(): Promise<number> {
    return Number(await this.page.locator('[data-count]').getAttribute('data-count'));
  }

  /** `data-state` of the status line: report, empty, not-scanned, unscannable. */
  async state(): Promise<PopupState> {
    return (await this.page.locator('[data-count]').getAttribute('data-state')) as PopupState;
  }

  /** Allegations in the order shown (grouped by accused). */
  async allegations(): Promise<ListedAllegation[]> {
    return this.page.locator('article[data-stance]').evaluateAll((articles) =>
      articles.map((a) => ({
        text: a.querySelector('blockquote')?.textContent ?? '',
        stance: a.getAttribute('data-stance') ?? '',
        accused: a.getAttribute('data-accused') ?? '',
        accusedLabel: a.querySelector('[data-field="accused"]')?.textContent ?? '',
        accuserLabel: a.querySelector('[data-field="accuser"]')?.textContent ?? '',
        index: Number(a.getAttribute('data-index')),
        hedged: a.querySelector('.hedged') !== null,
        claimIds: [...a.querySelectorAll('li[data-claim-id]')].map((li) => li.getAttribute('data-claim-id') ?? ''),
      })),
    );
  }

  /** The accused groups, in the order shown. */
  async groups(): Promise<ListedGroup[]> {
    return this.page.locator('section[data-group-accused]').evaluateAll((sections) =>
      sections.map((s) => ({
        accused: s.getAttribute('data-group-accused') ?? '',
        label: s.querySelector('.group-name')?.textContent ?? '',
        count: Number(s.getAttribute('data-group-count')),
        indexes: [...s.querySelectorAll('article[data-index]')].map((a) => Number(a.getAttribute('data-index'))),
      })),
    );
  }

  /** Claim ids of the counter-statements shown for the allegation at report index `index`. */
  async claimIds(index: number): Promise<string[]> {
    return this.page
      .locator(`article[data-index="${index}"] li[data-claim-id]`)
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-claim-id') ?? ''));
  }

  /** Source links of every counter-statement: href, target, rel. */
  async sourceLinks(): Promise<Array<{ href: string; target: string; rel: string }>> {
    return this.page.locator('li[data-claim-id] .source a[href]').evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute('href') ?? '',
        target: a.getAttribute('target') ?? '',
        rel: a.getAttribute('rel') ?? '',
      })),
    );
  }

  /** Clicks "Show on page" for the allegation at report index `index` (the article tab should scroll and flash). */
  async reveal(index: number): Promise<void> {
    await this.page.locator(`article[data-index="${index}"] button.reveal`).click();
  }

  /** The quiet note under an allegation ("Could not show it on the page…"), empty when none. */
  async revealNote(index: number): Promise<string> {
    return (await this.page.locator(`article[data-index="${index}"] .reveal-row .note`).textContent()) ?? '';
  }

  /** The per-site switch: its label and state, or null when hidden (tab address unknown or not a web page). */
  async siteSwitch(): Promise<{ label: string; checked: boolean } | null> {
    const input = this.page.locator('input[role="switch"]');
    if ((await input.count()) === 0) return null;
    const label = (await this.page.locator('label[for="site-switch"]').textContent()) ?? '';
    return { label, checked: await input.isChecked() };
  }

  /** Toggles the per-site switch (a permission prompt may follow for a site outside the list). */
  async toggleSite(): Promise<void> {
    await this.page.locator('input[role="switch"]').click();
  }

  /** Clicks "Scan this page" (only shown when the tab has no report). */
  async scanThisPage(): Promise<void> {
    await this.page.locator('.not-scanned button').click();
  }

  /** Waits until the status line counts `n` allegations (the popup re-reads the report when it changes). */
  async waitForCount(n: number, timeout = 30_000): Promise<void> {
    await this.page.locator(`[data-count="${n}"]`).waitFor({ timeout });
  }

  async lang(): Promise<string> {
    return (await this.page.locator('html').getAttribute('lang')) ?? '';
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
