import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actionLabel, actorLabel, countLabel, formatDate, stanceLabel } from '../../src/i18n/format';
import type { ScanAllegation } from '../../src/messaging/protocol';
import { disabledSites } from '../../src/settings/sites';
import { browserEnv, browserSiteAccess, reportKey } from '../../src/ui/popup/env';
import { groupByAccused } from '../../src/ui/popup/groups';
import { unscannable } from '../../src/ui/popup/Popup';
import { readSiteState, type SiteAccess, siteEnabled, siteState, switchSite } from '../../src/ui/popup/site';
import { testAllegation } from './fixtures';
import { useEnglishMessages } from './popup-support';

function allegation(accused: string | null, text = `About ${accused ?? 'someone'}.`): ScanAllegation {
  return testAllegation(accused, { text, action: 'espionage' });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useEnglishMessages();
});

describe('groupByAccused', () => {
  it('puts the most accused first, ties in order of first appearance, unnamed last', () => {
    const list = [
      allegation(null, 'a'),
      allegation('RU', 'b'),
      allegation('CN', 'c'),
      allegation('APT28', 'd'),
      allegation('CN', 'e'),
      allegation('', 'f'),
      allegation('APT28', 'g'),
      allegation('KP', 'h'),
    ];
    const groups = groupByAccused(list);
    expect(groups.map((g) => [g.accused, g.items.length])).toEqual([
      ['CN', 2],
      ['APT28', 2],
      ['RU', 1],
      ['KP', 1],
      [null, 2],
    ]);
  });

  it('keeps each allegation with its index in the report, in page order within a group', () => {
    const list = [allegation('RU', 'a'), allegation('CN', 'b'), allegation('RU', 'c')];
    const groups = groupByAccused(list);
    expect(groups[0]?.items.map((i) => [i.index, i.allegation.text])).toEqual([
      [0, 'a'],
      [2, 'c'],
    ]);
    expect(groups[1]?.items.map((i) => i.index)).toEqual([1]);
  });

  it('has no groups for no allegations, and no unnamed group when every accused is named', () => {
    expect(groupByAccused([])).toEqual([]);
    expect(groupByAccused([allegation('IR')]).map((g) => g.accused)).toEqual(['IR']);
  });
});

describe('site state', () => {
  it('is on for a built-in news site and its subdomains, without a permission', () => {
    for (const site of ['lesoir.be', 'edition.lesoir.be']) {
      const state = siteState(site, false, []);
      expect(state.builtin).toBe(true);
      expect(siteEnabled(state)).toBe(true);
    }
  });

  it('is off for another site until its permission is granted', () => {
    expect(siteEnabled(siteState('example.org', false, []))).toBe(false);
    expect(siteEnabled(siteState('example.org', true, []))).toBe(true);
  });

  it('is off when the user switched the site or a parent domain off', () => {
    expect(siteEnabled(siteState('lesoir.be', false, ['lesoir.be']))).toBe(false);
    expect(siteEnabled(siteState('edition.lesoir.be', false, ['lesoir.be']))).toBe(false);
    expect(siteEnabled(siteState('example.org', true, ['example.org']))).toBe(false);
    expect(siteEnabled(siteState('lesoir.be', false, ['other.be']))).toBe(true);
  });
});

function fakeAccess(granted: string[] = [], disabled: string[] = [], answer = true) {
  const log: string[] = [];
  const access: SiteAccess = {
    hasPermission: vi.fn(async (origin: string) => {
      log.push(`contains ${origin}`);
      return granted.includes(origin);
    }),
    requestPermission: vi.fn((origin: string) => {
      log.push(`request ${origin}`);
      return Promise.resolve(answer);
    }),
    disabledSites: vi.fn(async () => disabled),
    setSiteDisabled: vi.fn(async (site: string, off: boolean) => {
      log.push(`disabled ${site} ${off}`);
    }),
  };
  return { access, log };
}

describe('readSiteState', () => {
  it('has no site for pages that are not web pages, or an address it may not read', async () => {
    const { access } = fakeAccess();
    expect(await readSiteState('chrome://extensions/', access)).toBeNull();
    expect(await readSiteState('chrome-extension://abc/popup.html', access)).toBeNull();
    expect(await readSiteState(undefined, access)).toBeNull();
  });

  it('does not ask about permissions for a built-in site', async () => {
    const { access } = fakeAccess();
    const state = await readSiteState('https://www.lesoir.be/article', access);
    expect(state).toEqual({ site: 'lesoir.be', builtin: true, granted: false, disabled: false });
    expect(access.hasPermission).not.toHaveBeenCalled();
  });

  it('checks the optional host permission of another site', async () => {
    const { access, log } = fakeAccess(['*://*.example.org/*'], ['example.org']);
    const state = await readSiteState('https://www.example.org/news', access);
    expect(log).toEqual(['contains *://*.example.org/*']);
    expect(state).toEqual({ site: 'example.org', builtin: false, granted: true, disabled: true });
  });

  it('reads the stored setting through the real storage item', async () => {
    await disabledSites.setValue(['lesoir.be']);
    const state = await readSiteState('https://www.lesoir.be/x', browserSiteAccess);
    expect(state && siteEnabled(state)).toBe(false);
  });
});

describe('switchSite', () => {
  it('asks for the permission synchronously, before anything else, then switches the site on', async () => {
    const { access, log } = fakeAccess();
    const pending = switchSite(siteState('example.org', false, []), true, access);
    // Still inside the caller's (user gesture) turn: the request has been made.
    expect(log).toEqual(['request *://*.example.org/*']);
    const result = await pending;
    expect(log).toEqual(['request *://*.example.org/*', 'disabled example.org false']);
    expect(result.ok && siteEnabled(result.state)).toBe(true);
  });

  it('leaves the site off when the permission is refused', async () => {
    const { access, log } = fakeAccess([], [], false);
    const result = await switchSite(siteState('example.org', false, []), true, access);
    expect(result).toEqual({ ok: false, reason: 'denied' });
    expect(log).toEqual(['request *://*.example.org/*']);
  });

  it('switches a built-in or granted site on without asking', async () => {
    for (const [site, granted] of [
      ['lesoir.be', false],
      ['example.org', true],
    ] as const) {
      const { access, log } = fakeAccess();
      const result = await switchSite(siteState(site, granted, [site]), true, access);
      expect(log).toEqual([`disabled ${site} false`]);
      expect(result.ok && siteEnabled(result.state)).toBe(true);
    }
  });

  it('switches a site off by storing it as disabled', async () => {
    const { access, log } = fakeAccess();
    const result = await switchSite(siteState('lesoir.be', false, []), false, access);
    expect(log).toEqual(['disabled lesoir.be true']);
    expect(result.ok && siteEnabled(result.state)).toBe(false);
  });

  it('writes the real setting that the content script and the background read', async () => {
    await disabledSites.setValue(['lesoir.be', 'other.be']);
    await switchSite(siteState('lesoir.be', false, ['lesoir.be']), true, browserSiteAccess);
    expect(await disabledSites.getValue()).toEqual(['other.be']);
  });
});

describe('labels and formats', () => {
  it('names states by their ISO code in the UI language, other actors as they are', () => {
    expect(actorLabel('CN', 'en')).toBe('China');
    expect(actorLabel('CN', 'fr')).toBe('Chine');
    expect(actorLabel('APT28', 'fr')).toBe('APT28');
    expect(actorLabel(null)).toBe('unnamed');
    expect(actorLabel('')).toBe('unnamed');
  });

  it('names collectives: the EU and the UN by region code, the West and NATO by message', () => {
    expect(actorLabel('EU', 'fr')).toBe('Union européenne');
    expect(actorLabel('UN', 'en')).toBe('United Nations');
    expect(actorLabel('West')).toBe('the West');
    expect(actorLabel('NATO')).toBe('NATO');
    expect(actorLabel('G7')).toBe('G7');
  });

  it('labels stances, actions and counts from the messages', () => {
    expect(stanceLabel('counter_accusation')).toBe('Counter-accusation');
    expect(actionLabel('data_theft')).toBe('data theft');
    expect(countLabel(0)).toBe('No cyber-attack allegations found on this page.');
    expect(countLabel(1)).toBe('1 cyber-attack allegation on this page.');
    expect(countLabel(3)).toBe('3 cyber-attack allegations on this page.');
  });

  it('formats a statement date as a calendar day in the UI language', () => {
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDate('2024-03-05', 'fr')).toBe('5 mars 2024');
    // A bare day is not shifted by the local time zone.
    expect(formatDate('2024-01-01', 'en')).toBe('Jan 1, 2024');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('knows which pages can never be scanned', () => {
    expect(unscannable('chrome://newtab/')).toBe(true);
    expect(unscannable('about:blank')).toBe(true);
    expect(unscannable('https://example.org/')).toBe(false);
    // Unknown address: the extension may not read it, which says nothing about the page.
    expect(unscannable(undefined)).toBe(false);
  });
});

describe('browserEnv', () => {
  it('sends reveal to the tab with the report index', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await expect(browserEnv('?tab=7').reveal(7, 3)).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'reveal', index: 3 }, { frameId: 0 });
  });

  it('injects the built content script to scan a page', async () => {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await browserEnv('?tab=7').scan(7);
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js'] });
  });

  it('resolves the tab from the address, else the active tab', async () => {
    expect(await browserEnv('?tab=12').tabId()).toBe(12);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 }] as never);
    expect(await browserEnv('').tabId()).toBe(5);
  });

  it("reads the tab's address, undefined when the tab is gone", async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValueOnce({ id: 4, url: 'https://www.lesoir.be/a' } as never);
    expect(await browserEnv('').tabUrl(4)).toBe('https://www.lesoir.be/a');
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 4'));
    expect(await browserEnv('').tabUrl(4)).toBeUndefined();
  });

  it("watches the tab's report in session storage until unsubscribed", async () => {
    const onChange = vi.fn();
    const stop = browserEnv('?tab=3').watchReport(3, onChange);
    await fakeBrowser.storage.session.set({ [reportKey(4)]: { tabId: 4 } });
    await fakeBrowser.storage.local.set({ [reportKey(3)]: { tabId: 3 } });
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.storage.session.set({ [reportKey(3)]: { tabId: 3 } });
    expect(onChange).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.session.remove(reportKey(3));
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.session.set({ [reportKey(3)]: { tabId: 3, again: true } });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("hears the background's reportChanged for its tab (a report that could not be stored), from this extension only", async () => {
    const onChange = vi.fn();
    const stop = browserEnv('?tab=3').watchReport(3, onChange);
    const self = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportChanged', tabId: 4 }, self, () => {});
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'reportChanged', tabId: 3 },
      { id: 'another-extension' },
      () => {},
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportChanged', tabId: 3, extra: 1 }, self, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportChanged', tabId: '3' }, self, () => {});
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportChanged', tabId: 3 }, self, () => {});
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportChanged', tabId: 3 }, self, () => {});
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
