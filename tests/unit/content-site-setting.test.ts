/**
 * The content script reads the disabled-sites setting raw (without WXT's
 * storage layer, to stay within its size budget): it must read exactly what
 * the popup writes through the versioned storage item, and follow its changes.
 */
import { readDisabledSites, watchDisabledSites } from '@src/content/site-setting';
import { disabledSites, setSiteDisabled } from '@src/settings/sites';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the disabled sites, as the content script reads them', () => {
  it('reads what the popup wrote through the storage item, and nothing when nothing was', async () => {
    expect(await readDisabledSites()).toEqual([]);
    await setSiteDisabled('lesoir.be', true);
    expect(await readDisabledSites()).toEqual(['lesoir.be']);
    expect(await disabledSites.getValue()).toEqual(['lesoir.be']);
  });

  it('follows changes until unwatched', async () => {
    const seen: string[][] = [];
    const unwatch = watchDisabledSites((list) => seen.push(list));
    await setSiteDisabled('lesoir.be', true);
    await setSiteDisabled('lesoir.be', false);
    await fakeBrowser.storage.local.remove('disabledSites');
    unwatch();
    await setSiteDisabled('rt.com', true);
    expect(seen).toEqual([['lesoir.be'], [], []]);
  });

  it('reads stored data that is not a list as "nothing switched off"', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: 'lesoir.be' });
    expect(await readDisabledSites()).toEqual([]);
  });
});
