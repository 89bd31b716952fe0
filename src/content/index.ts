/**
 * Binds the controller to the browser: settings, messages from the extension,
 * SPA navigations and the script's own end (extension updated, disabled,
 * removed, or this script injected again by "Scan this page").
 */
import { getCounterStatements, openReport, sendScan } from '@src/messaging/client';
import { validateToContentMessage } from '@src/messaging/protocol';
import { disabledSites, isSiteDisabled, siteOf } from '@src/settings/sites';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCard } from './card';
import { createController } from './controller';
import { createPainter } from './highlight';
import { allegationAt, rangeRect } from './hit';

export function startContentScript(ctx: ContentScriptContext, doc: Document = document): void {
  const controller = createController({
    doc,
    send: sendScan,
    counterStatements: async (index) => (await getCounterStatements(index)).counterStatements,
    openReport,
    createPainter,
    createCard: (d, callbacks) => createCard(d, callbacks),
    hitTest: allegationAt,
    rectOf: rangeRect,
  });
  const site = siteOf(doc.location?.href);

  const apply = (disabled: readonly string[]) => {
    if (ctx.isInvalid) return;
    if (site !== null && isSiteDisabled(site, disabled)) {
      const wasActive =
        controller.items.length > 0 || doc.documentElement.dataset.counterpointAllegations !== undefined;
      controller.stop();
      // Clears the tab's report and badge too.
      if (wasActive) sendScan([], 'replace').catch(() => {});
    } else {
      void controller.start();
    }
  };

  const onMessage = (message: unknown, sender: { id?: string }) => {
    // Only this extension can message its content scripts; checked anyway.
    if (sender.id !== browser.runtime.id) return undefined;
    const checked = validateToContentMessage(message);
    if (!checked.ok) return undefined;
    return Promise.resolve(controller.handleMessage(checked.value));
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = disabledSites.watch((list) => apply(list ?? []));
  ctx.addEventListener(window, 'wxt:locationchange', () => controller.navigated());
  ctx.onInvalidated(() => {
    controller.stop();
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
  });

  disabledSites.getValue().then(apply, () => apply([]));
}
