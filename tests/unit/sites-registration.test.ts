import {
  GRANTED_SCRIPT_ID,
  grantedOrigins,
  type RegistrationApi,
  syncGrantedSites,
} from '@src/background/registration';
import { CONTENT_SCRIPT_FILE, NEWS_SITE_DOMAINS, NEWS_SITE_MATCHES } from '@src/content/sites';
import { validateToContentMessage } from '@src/messaging/protocol';
import {
  builtinDomainOf,
  disabledSites,
  isSiteDisabled,
  setSiteDisabled,
  siteOf,
  sitePermissionPattern,
} from '@src/settings/sites';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('built-in news sites', () => {
  it('include every site the issue names, each with its subdomains', () => {
    const required = [
      'lemonde.fr',
      'lefigaro.fr',
      'liberation.fr',
      'francetvinfo.fr',
      'rfi.fr',
      'france24.com',
      'lesoir.be',
      'rtbf.be',
      'rtl.be',
      'lalibre.be',
      'levif.be',
      'reuters.com',
      'apnews.com',
      'bbc.com',
      'bbc.co.uk',
      'theguardian.com',
      'nytimes.com',
      'washingtonpost.com',
      'politico.eu',
      'euronews.com',
      'news.cn',
      'xinhuanet.com',
      'globaltimes.cn',
      'chinadaily.com.cn',
    ];
    for (const d of required) expect(NEWS_SITE_MATCHES).toContain(`*://*.${d}/*`);
    expect(new Set(NEWS_SITE_DOMAINS).size).toBe(NEWS_SITE_DOMAINS.length);
    expect(builtinDomainOf('french.news.cn')).toBe('news.cn');
    expect(builtinDomainOf('lesoir.be')).toBe('lesoir.be');
    // A look-alike is not a subdomain.
    expect(builtinDomainOf('notlesoir.be')).toBeNull();
    expect(builtinDomainOf('lesoir.be.example.com')).toBeNull();
  });
});

describe('per-site settings', () => {
  it('names sites by host without www, only for http(s) pages', () => {
    expect(siteOf('https://www.lesoir.be/article?x=1')).toBe('lesoir.be');
    expect(siteOf('http://french.news.cn/2024/a.html')).toBe('french.news.cn');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('moz-extension://abc/popup.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
    expect(sitePermissionPattern('example.org')).toBe('*://*.example.org/*');
  });

  it('a switched-off site covers its subdomains; switching on clears it and its parents', async () => {
    fakeBrowser.reset();
    expect(await disabledSites.getValue()).toEqual([]);
    await setSiteDisabled('lesoir.be', true);
    await setSiteDisabled('example.org', true);
    await setSiteDisabled('lesoir.be', true);
    expect(await disabledSites.getValue()).toEqual(['example.org', 'lesoir.be']);
    expect(isSiteDisabled('plus.lesoir.be', await disabledSites.getValue())).toBe(true);
    expect(isSiteDisabled('lemonde.fr', await disabledSites.getValue())).toBe(false);
    await setSiteDisabled('plus.lesoir.be', false);
    expect(await disabledSites.getValue()).toEqual(['example.org']);
  });
});

describe('content script on granted sites', () => {
  function fakeApi(origins: string[]) {
    const registered = new Map<string, { id: string; matches: string[]; js: string[] }>();
    const log: string[] = [];
    const api: RegistrationApi = {
      getAllOrigins: async () => origins,
      getRegistered: async (ids) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id) as never] : [])),
      register: async (s) => {
        log.push('register');
        registered.set(s.id, { id: s.id, matches: s.matches, js: s.js });
      },
      update: async (s) => {
        log.push('update');
        registered.set(s.id, { id: s.id, matches: s.matches, js: s.js });
      },
      unregister: async (ids) => {
        log.push('unregister');
        for (const id of ids) registered.delete(id);
      },
    };
    return { api, registered, log, origins };
  }

  it('leaves built-in sites to the manifest and registers the others', () => {
    expect(grantedOrigins([...NEWS_SITE_MATCHES, '*://*.example.org/*', 'chrome://x/*'])).toEqual([
      '*://*.example.org/*',
    ]);
  });

  it('registers, updates and unregisters as permissions change, and does nothing when in step', async () => {
    const f = fakeApi(['*://*.lesoir.be/*']);
    await syncGrantedSites(f.api);
    expect(f.log).toEqual([]);
    f.origins.push('*://*.example.org/*');
    await syncGrantedSites(f.api);
    expect(f.registered.get(GRANTED_SCRIPT_ID)).toEqual({
      id: GRANTED_SCRIPT_ID,
      matches: ['*://*.example.org/*'],
      js: [CONTENT_SCRIPT_FILE],
    });
    await syncGrantedSites(f.api);
    expect(f.log).toEqual(['register']);
    f.origins.push('*://*.example.net/*');
    await syncGrantedSites(f.api);
    expect(f.registered.get(GRANTED_SCRIPT_ID)?.matches).toEqual(['*://*.example.net/*', '*://*.example.org/*']);
    f.origins.splice(1);
    await syncGrantedSites(f.api);
    expect(f.registered.size).toBe(0);
    expect(f.log).toEqual(['register', 'update', 'unregister']);
  });
});

describe('messages to the content script', () => {
  it('accepts reveal and step, refuses anything else', () => {
    expect(validateToContentMessage({ type: 'reveal', index: 2 })).toEqual({
      ok: true,
      value: { type: 'reveal', index: 2 },
    });
    expect(validateToContentMessage({ type: 'step', direction: -1 }).ok).toBe(true);
    expect(validateToContentMessage({ type: 'step', direction: 2 }).ok).toBe(false);
    expect(validateToContentMessage({ type: 'reveal', index: -1 }).ok).toBe(false);
    expect(validateToContentMessage({ type: 'reveal', index: 1.5 }).ok).toBe(false);
    expect(validateToContentMessage({ type: 'reveal', index: 1, html: '<b>' }).ok).toBe(false);
    expect(validateToContentMessage({ type: 'scan', sentences: [] }).ok).toBe(false);
    expect(validateToContentMessage(null).ok).toBe(false);
  });
});
