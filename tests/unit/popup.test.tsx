import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CounterStatementView, ScanAllegation, TabReport } from '../../src/messaging/protocol';
import type { PopupEnv } from '../../src/ui/popup/env';
import { Popup } from '../../src/ui/popup/Popup';
import type { SiteAccess } from '../../src/ui/popup/site';
import { testAllegation, testStatement } from './fixtures';
import { useEnglishMessages, useMessages } from './popup-support';

// Preact creates elements through the global document.
const { document, window, HTMLInputElement } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { document });

// linkedom has no `checked` property (only the attribute); give inputs the
// DOM's live property, which starts from the attribute.
const liveChecked = new WeakMap<object, boolean>();
Object.defineProperty(HTMLInputElement.prototype, 'checked', {
  configurable: true,
  get(this: Element) {
    return liveChecked.get(this) ?? this.hasAttribute('checked');
  },
  set(this: Element, value: boolean) {
    liveChecked.set(this, Boolean(value));
  },
});

const statement = testStatement;

const allegation = testAllegation;

function report(allegations: ScanAllegation[], tabId = 7): TabReport {
  return { tabId, allegations, sentenceCount: 40, scannedAt: 1_700_000_000_000 };
}

interface FakeEnv extends PopupEnv {
  /** Fires the report watcher, as a storage change would. */
  changeReport(): void;
  unwatched: () => boolean;
  log: string[];
}

function fakeEnv(options: {
  tabId?: number | null;
  reports?: Array<TabReport | null | Error>;
  url?: string;
  granted?: boolean;
  disabled?: string[];
  permissionAnswer?: boolean;
  reveal?: PopupEnv['reveal'];
  scan?: PopupEnv['scan'];
}): FakeEnv {
  const reports = [...(options.reports ?? [null])];
  const log: string[] = [];
  let watcher: (() => void) | null = null;
  let unwatched = false;
  let disabled = options.disabled ?? [];
  const site: SiteAccess = {
    hasPermission: async () => options.granted ?? false,
    requestPermission: (origin) => {
      log.push(`request ${origin}`);
      return Promise.resolve(options.permissionAnswer ?? true);
    },
    disabledSites: async () => disabled,
    setSiteDisabled: async (s, off) => {
      log.push(`disabled ${s} ${off}`);
      disabled = off ? [s] : [];
    },
  };
  return {
    tabId: async () => (options.tabId === undefined ? 7 : options.tabId),
    report: async () => {
      const next = reports.length > 1 ? reports.shift() : reports[0];
      if (next instanceof Error) throw next;
      return next ?? null;
    },
    tabUrl: async () => options.url,
    reveal: options.reveal ?? (async () => ({ ok: true })),
    scan:
      options.scan ??
      (async (tabId) => {
        log.push(`scan ${tabId}`);
      }),
    watchReport: (_tabId, onChange) => {
      watcher = onChange;
      return () => {
        unwatched = true;
        watcher = null;
      };
    },
    site,
    changeReport: () => watcher?.(),
    unwatched: () => unwatched,
    log,
  };
}

let root: HTMLElement;

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  await act(() => {
    render(vnode, root);
  });
  await settle();
  return root;
}

async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => {
    element.dispatchEvent(new window.Event('click', { bubbles: true }));
  });
  await settle();
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = () => root.querySelector('[role="status"]');

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useEnglishMessages();
  root = document.createElement('div');
  document.body.appendChild(root);
});

afterEach(async () => {
  await act(() => {
    render(null, root);
  });
  root.remove();
});

describe('Popup states', () => {
  it('says it is loading until the report comes', async () => {
    const env = fakeEnv({});
    env.report = () => new Promise(() => {});
    await mount(<Popup env={env} />);
    expect(text(status())).toBe('Loading…');
    expect(status()?.hasAttribute('data-count')).toBe(false);
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(text(root.querySelector('h1'))).toBe('Counterpoint');
  });

  it('shows an error when the report cannot be read', async () => {
    await mount(<Popup env={fakeEnv({ reports: [new Error('no background')] })} />);
    expect(text(root.querySelector('[role="alert"]'))).toBe("Could not read this tab's report: no background");
  });

  it('says when a scanned page has no allegations', async () => {
    await mount(<Popup env={fakeEnv({ reports: [report([])], url: 'https://www.lesoir.be/a' })} />);
    expect(status()?.getAttribute('data-count')).toBe('0');
    expect(status()?.getAttribute('data-state')).toBe('empty');
    expect(text(status())).toBe('No cyber-attack allegations found on this page.');
    expect(root.querySelectorAll('article')).toHaveLength(0);
  });

  it('asks for the tab’s saved claims to be painted as it opens (the gesture that grants activeTab), and scans nothing', async () => {
    const env = fakeEnv({ url: 'https://blog.example/post' });
    const showSaved = vi.fn(async () => true);
    await mount(<Popup env={{ ...env, showSaved }} />);
    expect(showSaved).toHaveBeenCalledWith(7);
    expect(showSaved).toHaveBeenCalledTimes(1);
    expect(env.log).toEqual([]);
    expect(status()?.getAttribute('data-state')).toBe('not-scanned');
  });

  it('still shows the report when painting saved claims fails', async () => {
    const env = fakeEnv({ reports: [report([])], url: 'https://www.lesoir.be/a' });
    await mount(<Popup env={{ ...env, showSaved: async () => Promise.reject(new Error('no access')) }} />);
    expect(status()?.getAttribute('data-state')).toBe('empty');
  });

  it('offers to scan a page that has no report, and scans that tab', async () => {
    const scan = vi.fn(async () => {});
    await mount(<Popup env={fakeEnv({ url: 'https://example.org/news', scan })} />);
    expect(status()?.getAttribute('data-state')).toBe('not-scanned');
    expect(text(status())).toBe('Counterpoint has not scanned this page.');
    const button = [...root.querySelectorAll('button')].find((b) => text(b) === 'Scan this page');
    await click(button);
    expect(scan).toHaveBeenCalledWith(7);
    expect(text(status())).toBe('Scanning… the allegations will appear here.');
  });

  it('shows why a scan was refused', async () => {
    const scan = vi.fn(async () => {
      throw new Error('Cannot access contents of the page.');
    });
    await mount(<Popup env={fakeEnv({ scan })} />);
    await click(root.querySelector('button.primary'));
    expect(text(root.querySelector('[role="alert"]'))).toBe(
      'Could not scan this page: Cannot access contents of the page.',
    );
  });

  it('says a browser or extension page cannot be scanned, without a scan button', async () => {
    await mount(<Popup env={fakeEnv({ url: 'chrome://extensions/' })} />);
    expect(status()?.getAttribute('data-state')).toBe('unscannable');
    expect(text(status())).toContain('cannot scan this page');
    expect(root.querySelector('button')).toBeNull();
  });

  it('says so when there is no tab', async () => {
    await mount(<Popup env={fakeEnv({ tabId: null })} />);
    expect(text(status())).toBe('There is no tab to show allegations for.');
  });

  it('says everything stays in the browser', async () => {
    await mount(<Popup env={fakeEnv({})} />);
    expect(text(root.querySelector('footer'))).toContain('nothing you read is sent anywhere');
  });
});

describe('Popup report', () => {
  const allegations = [
    allegation('RU', { text: 'Russia hacked the ministry.' }),
    allegation('CN', {
      text: 'China reportedly stole the data.',
      hedged: true,
      action: 'data_theft',
      target: 'the ministry',
      counterStatements: [
        statement('seed/cn-1', { source: { url: 'https://example.org/a', publisher: 'Xinhua', title: 'Denial' } }),
        statement('seed/cn-2', { relation: 'fact_checks', stance: 'fact_check', source: bad() }),
      ],
    }),
    allegation(null, { text: 'Unknown hackers struck.' }),
    allegation('CN', { text: 'Beijing denies it.', stance: 'denial', accuser: 'CN', accused: 'CN' }),
  ];
  function bad(): CounterStatementView['source'] {
    return { url: 'javascript:alert(1)', publisher: 'Nowhere' };
  }

  it('groups allegations by accused: most accused first, unnamed last, with counts', async () => {
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)] })} />);
    expect(status()?.getAttribute('data-count')).toBe('4');
    expect(text(status())).toBe('4 cyber-attack allegations on this page.');
    const groups = [...root.querySelectorAll('section.group')];
    expect(groups.map((g) => text(g.querySelector('h2')))).toEqual([
      'China, 2 allegations',
      'Russia, 1 allegation',
      'Accused not named, 1 allegation',
    ]);
    expect(groups.map((g) => g.getAttribute('data-group-accused'))).toEqual(['CN', 'RU', '']);
    expect(groups.map((g) => [...g.querySelectorAll('article')].map((a) => a.getAttribute('data-index')))).toEqual([
      ['1', '3'],
      ['0'],
      ['2'],
    ]);
  });

  it('marks each allegation up for the end-to-end tests and shows its facts', async () => {
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)] })} />);
    const articles = [...root.querySelectorAll('article')];
    expect(articles.map((a) => [a.getAttribute('data-accused'), a.getAttribute('data-stance')])).toEqual([
      ['CN', 'accusation'],
      ['CN', 'denial'],
      ['RU', 'accusation'],
      ['', 'accusation'],
    ]);
    const china = articles[0];
    expect(text(china?.querySelector('h3'))).toBe('Accusation (hedged)');
    expect(text(china?.querySelector('blockquote'))).toBe('China reportedly stole the data.');
    expect(text(china?.querySelector('[data-field="accuser"]'))).toBe('United States');
    expect(text(china?.querySelector('[data-field="accused"]'))).toBe('China');
    expect(text(china?.querySelector('[data-field="action"]'))).toBe('data theft');
    expect(text(china?.querySelector('[data-field="target"]'))).toBe('the ministry');
    expect(text(articles[3]?.querySelector('[data-field="accused"]'))).toBe('unnamed');
  });

  it('says the other sides are still being looked up while the background matches', async () => {
    await mount(<Popup env={fakeEnv({ reports: [{ ...report(allegations), matching: true }] })} />);
    expect(text(root.querySelector('article[data-index="0"] .none'))).toBe('Looking for the other sides…');
  });

  it('lists the ranked counter-statements with their source opening in a new tab', async () => {
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)] })} />);
    const china = root.querySelector('article[data-index="1"]');
    expect(text(china?.querySelector('h4'))).toBe('Other sides (2)');
    const items = [...(china?.querySelectorAll('li[data-claim-id]') ?? [])];
    expect(items.map((li) => li.getAttribute('data-claim-id'))).toEqual(['seed/cn-1', 'seed/cn-2']);
    const first = items[0];
    expect(text(first?.querySelector('.counter-kind'))).toBe('Denies it (Denial)');
    expect(text(first?.querySelector('.counter-who'))).toBe('Ministry of Foreign Affairs, Mar 5, 2024');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-05');
    expect(text(first?.querySelector('.why'))).toBe('denial by the accused (CN)');
    expect(text(first?.querySelector('details p'))).toBe('Statement seed/cn-1.');
    const link = first?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(text(link)).toBe('Xinhua: Denial (opens in a new tab)');
    // A source address that is not a web address is not made a link.
    expect(items[1]?.querySelector('a')).toBeNull();
    expect(text(items[1]?.querySelector('.source'))).toBe('Source: Nowhere');
    expect(text(root.querySelector('article[data-index="0"] .none'))).toBe(
      'No statement in your claim database answers this allegation.',
    );
  });

  it('reveals an allegation on the page by its index in the report, not in its group', async () => {
    const reveal = vi.fn(async () => ({ ok: true }));
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)], reveal })} />);
    const button = root.querySelector('article[data-index="3"] button.reveal');
    expect(text(button)).toBe('Show on page');
    expect(button?.getAttribute('type')).toBe('button');
    await click(button);
    expect(reveal).toHaveBeenCalledWith(7, 3);
    expect(text(root.querySelector('article[data-index="3"] .note'))).toBe('');
  });

  it('says quietly when the page cannot show it (no content script)', async () => {
    const reveal = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)], reveal })} />);
    await click(root.querySelector('article[data-index="0"] button.reveal'));
    expect(text(root.querySelector('article[data-index="0"] .note'))).toBe(
      'Could not show it on the page. Reload the page and try again.',
    );
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so too when the page no longer has that allegation', async () => {
    const reveal = vi.fn(async () => ({ ok: false }));
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)], reveal })} />);
    await click(root.querySelector('article[data-index="2"] button.reveal'));
    expect(text(root.querySelector('article[data-index="2"] .note'))).toContain('Could not show it');
  });

  it('re-reads the report when it changes, and stops watching when closed', async () => {
    const env = fakeEnv({ reports: [null, report([allegation('IR')])], url: 'https://example.org/' });
    await mount(<Popup env={env} />);
    expect(status()?.getAttribute('data-state')).toBe('not-scanned');
    await act(() => env.changeReport());
    await settle();
    expect(status()?.getAttribute('data-count')).toBe('1');
    expect(text(root.querySelector('h2'))).toBe('Iran, 1 allegation');
    await act(() => {
      render(null, root);
    });
    expect(env.unwatched()).toBe(true);
  });

  it('speaks the UI language', async () => {
    useMessages('fr');
    await mount(<Popup env={fakeEnv({ reports: [report(allegations)] })} />);
    expect(text(status())).toBe('4 accusations de cyberattaque sur cette page.');
    expect(text(root.querySelector('h2'))).toBe('Chine, 2 accusations');
    expect(text(root.querySelector('article[data-index="1"] .counter-who'))).toBe(
      'Ministry of Foreign Affairs, 5 mars 2024',
    );
  });
});

describe('Popup site switch', () => {
  const input = () => root.querySelector<HTMLInputElement>('input[role="switch"]');
  const label = () => root.querySelector('label[for="site-switch"]');

  async function toggle(): Promise<void> {
    const box = input();
    if (!box) throw new Error('no switch');
    box.checked = !box.checked;
    await act(() => {
      box.dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    await settle();
  }

  it('is on for a built-in news site, with a label and a line saying what it does', async () => {
    await mount(<Popup env={fakeEnv({ url: 'https://www.lesoir.be/article' })} />);
    expect(input()?.type).toBe('checkbox');
    expect(input()?.checked).toBe(true);
    expect(text(label())).toBe('Counterpoint on lesoir.be');
    const hint = root.querySelector(`#${input()?.getAttribute('aria-describedby')}`);
    expect(text(hint)).toContain('reads this site');
  });

  it('is off on a built-in site the user switched off', async () => {
    const emptied: TabReport = { tabId: 7, allegations: [], sentenceCount: 0, scannedAt: 1 };
    await mount(
      <Popup env={fakeEnv({ url: 'https://www.lesoir.be/', disabled: ['lesoir.be'], reports: [emptied] })} />,
    );
    expect(input()?.checked).toBe(false);
    // Says it is off, rather than "no allegations" (the page was not read) or a scan button.
    expect(status()?.getAttribute('data-state')).toBe('off');
    expect(text(status())).toBe('Counterpoint is off on lesoir.be: nothing on its pages is read or highlighted.');
    expect(root.querySelector('.not-scanned')).toBeNull();
    await toggle();
    expect(status()?.getAttribute('data-state')).toBe('empty');
  });

  it('is hidden when the tab address is unknown or not a web page', async () => {
    await mount(<Popup env={fakeEnv({})} />);
    expect(input()).toBeNull();
    await act(() => {
      render(null, root);
    });
    await mount(<Popup env={fakeEnv({ url: 'about:blank' })} />);
    expect(input()).toBeNull();
  });

  it('asks for the permission in the change handler itself, then switches the site on', async () => {
    const env = fakeEnv({ url: 'https://news.example.org/a' });
    await mount(<Popup env={env} />);
    expect(input()?.checked).toBe(false);
    const box = input();
    if (!box) throw new Error('no switch');
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    // Synchronously, in the same turn as the event (the user gesture).
    expect(env.log).toEqual(['request *://*.news.example.org/*']);
    await settle();
    expect(env.log).toEqual([
      'request *://*.news.example.org/*',
      'disabled news.example.org false',
      // The page had no report: it is scanned now, not at its next load.
      'scan 7',
    ]);
    expect(input()?.checked).toBe(true);
  });

  it('stays off and says so when the permission is refused', async () => {
    const env = fakeEnv({ url: 'https://example.org/', permissionAnswer: false });
    await mount(<Popup env={env} />);
    await toggle();
    expect(input()?.checked).toBe(false);
    expect(text(root.querySelector('.site-switch .note'))).toBe(
      'Permission not granted: Counterpoint stays off on this site.',
    );
    expect(env.log).toEqual(['request *://*.example.org/*']);
  });

  it('switches a granted site off and on again without asking', async () => {
    const env = fakeEnv({ url: 'https://example.org/', granted: true });
    await mount(<Popup env={env} />);
    expect(input()?.checked).toBe(true);
    await toggle();
    expect(input()?.checked).toBe(false);
    await toggle();
    expect(input()?.checked).toBe(true);
    // No permission asked; the tab had no report, so switching on scans it.
    expect(env.log).toEqual(['disabled example.org true', 'disabled example.org false', 'scan 7']);
  });

  it('does not scan again when switching on a page that already has a report', async () => {
    const report: TabReport = { tabId: 7, allegations: [], sentenceCount: 0, scannedAt: 1 };
    const env = fakeEnv({ url: 'https://example.org/', granted: true, reports: [report] });
    await mount(<Popup env={env} />);
    await toggle();
    await toggle();
    expect(env.log).toEqual(['disabled example.org true', 'disabled example.org false']);
  });
});

describe('a report that is not whole (issue 10: storage budget, restarts, unread text)', () => {
  const notice = () => root.querySelector('.report-notice');
  const many = (n: number) => Array.from({ length: n }, (_, i) => allegation('RU', { text: `Allegation ${i}.` }));

  it('says nothing more of a whole report', async () => {
    await mount(<Popup env={fakeEnv({ reports: [report(many(2))] })} />);
    expect(notice()).toBeNull();
  });

  it('after a restart that kept part of it, says how much and offers a new scan', async () => {
    const partial: TabReport = { ...report(many(3)), restored: { total: 40, interrupted: false } };
    const env = fakeEnv({ reports: [partial] });
    await mount(<Popup env={env} />);
    expect(notice()?.getAttribute('data-state')).toBe('partial');
    expect(text(notice()?.querySelector('[role="alert"]'))).toBe(
      "Only 3 of this page's 40 allegations could be kept when Counterpoint's background restarted. Scan the page again to see them all.",
    );
    // The three kept are still listed.
    expect(root.querySelector('.count')?.getAttribute('data-count')).toBe('3');
    await click(notice()?.querySelector('button'));
    expect(env.log).toEqual(['scan 7']);
  });

  it('after a restart that kept nothing, says the report was lost instead of "not scanned"', async () => {
    const lost: TabReport = { ...report([]), restored: { total: 1_000, interrupted: false, failed: true } };
    await mount(<Popup env={fakeEnv({ reports: [lost] })} />);
    expect(notice()?.getAttribute('data-state')).toBe('lost');
    expect(text(notice()?.querySelector('p'))).toBe(
      "This page's report could not be kept when Counterpoint's background restarted. Scan the page again to see it.",
    );
    expect(root.querySelector('[data-state="not-scanned"]')).toBeNull();
    // Not "no allegations on this page" either.
    expect(root.querySelector('[data-count]')).toBeNull();
  });

  it('after a restart in the middle of the lookup, says so instead of "looking for the other sides" for ever', async () => {
    const cut: TabReport = { ...report(many(1)), matching: false, restored: { total: 1, interrupted: true } };
    await mount(<Popup env={fakeEnv({ reports: [cut] })} />);
    expect(notice()?.getAttribute('data-state')).toBe('interrupted');
    expect(root.querySelector('.count')?.hasAttribute('data-matching')).toBe(false);
    expect(notice()?.querySelector('button')).not.toBeNull();
  });

  it('while the background runs, warns of what a restart would lose, and of unread text', async () => {
    const big: TabReport = { ...report(many(5)), stored: { allegations: 2 }, unread: 120 };
    await mount(<Popup env={fakeEnv({ reports: [big] })} />);
    expect(notice()?.getAttribute('data-state')).toBe('not-kept unread');
    expect([...(notice()?.querySelectorAll('p') ?? [])].map((p) => text(p))).toEqual([
      "This page's report is larger than Counterpoint can keep: if the browser stops Counterpoint's background, only 2 of its 5 allegations will remain.",
      '120 sentences of this page were not read: it sent more text than Counterpoint reads for one page.',
    ]);
    // The whole report is shown, and no new scan is needed.
    expect(root.querySelector('.count')?.getAttribute('data-count')).toBe('5');
    expect(notice()?.querySelector('button')).toBeNull();
  });

  it('says when the browser refused to keep the report', async () => {
    const refused: TabReport = { ...report(many(1)), stored: { allegations: 0, failed: true } };
    await mount(<Popup env={fakeEnv({ reports: [refused] })} />);
    expect(notice()?.getAttribute('data-state')).toBe('refused');
  });
});
