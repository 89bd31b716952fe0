/**
 * What counts as a navigation to another page (issue 10, item 3), and the
 * watcher that reads the address itself: a hash or query rewritten every few
 * hundred milliseconds on the same article is not a navigation; an event the
 * page dispatches is not one either.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  documentKey,
  isNavigation,
  type Place,
  type WatchedWindow,
  watchNavigation,
} from '../../src/content/navigation';

const at = (url: string, title = 'Story one'): Place => ({ url: new URL(url), title });

describe('what counts as a navigation', () => {
  it('a new path does; a new hash does not, unless it is a route', () => {
    const a = at('https://news.example/world/story-1');
    expect(isNavigation(a, at('https://news.example/world/story-2'))).toBe(true);
    expect(isNavigation(a, at('https://news.example/world/story-1#section-3'))).toBe(false);
    expect(
      isNavigation(
        at('https://news.example/world/story-1#section-2'),
        at('https://news.example/world/story-1#section-3'),
      ),
    ).toBe(false);
    expect(isNavigation(at('https://app.example/#/story/1'), at('https://app.example/#/story/2'))).toBe(true);
    expect(isNavigation(at('https://app.example/#!/story/1'), at('https://app.example/#!/story/1'))).toBe(false);
    expect(documentKey(new URL('https://news.example/a?x=1#top'))).toBe('https://news.example/a');
  });

  it('a new query does only when the title changed with it', () => {
    const a = at('https://news.example/article?id=1');
    expect(isNavigation(a, at('https://news.example/article?id=1&read=40'))).toBe(false);
    expect(isNavigation(a, at('https://news.example/article?id=2', 'Story two'))).toBe(true);
  });
});

/** A window whose address the test changes, with or without the Navigation API. */
function fakeWindow(url: string, withNavigationApi: boolean) {
  const events = new EventTarget();
  const navigation = new EventTarget();
  const win = {
    location: { href: url },
    document: { title: 'Story one' },
    addEventListener: events.addEventListener.bind(events),
    ...(withNavigationApi ? { navigation } : {}),
    setInterval: (h: () => void, ms: number) => setInterval(h, ms) as unknown as number,
    clearInterval: (id: number) => clearInterval(id),
    setTimeout: (h: () => void, ms: number) => setTimeout(h, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  } satisfies WatchedWindow;
  /** What the browser does on history.pushState / replaceState: the address changes, a trusted event follows. */
  const go = (to: string, title?: string) => {
    win.location.href = new URL(to, win.location.href).href;
    if (title !== undefined) win.document.title = title;
    if (withNavigationApi) navigation.dispatchEvent(trusted('currententrychange'));
  };
  return { win, events, navigation, go };
}

function trusted(type: string): Event {
  const e = new Event(type);
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watching the address', () => {
  for (const api of [true, false]) {
    describe(api ? 'with the Navigation API' : 'by polling (no Navigation API)', () => {
      it('reports a new path once, and a hash rewritten every 300 ms never', () => {
        vi.useFakeTimers();
        const { win, go } = fakeWindow('https://news.example/world/story-1', api);
        const onNavigate = vi.fn();
        const watch = watchNavigation(win, onNavigate, { pollMs: 1000 });
        for (let i = 0; i < 20; i++) {
          go(`#section-${i}`);
          vi.advanceTimersByTime(300);
        }
        expect(onNavigate).not.toHaveBeenCalled();
        go('/world/story-2', 'Story two');
        vi.advanceTimersByTime(1000);
        expect(onNavigate).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(5000);
        expect(onNavigate).toHaveBeenCalledTimes(1);
        watch.stop();
        go('/world/story-3');
        vi.advanceTimersByTime(5000);
        expect(onNavigate).toHaveBeenCalledTimes(1);
      });

      it('a new query is a navigation when the title follows within the wait, not otherwise', () => {
        vi.useFakeTimers();
        const { win, go } = fakeWindow('https://news.example/article?id=1', api);
        const onNavigate = vi.fn();
        watchNavigation(win, onNavigate, { pollMs: 1000, titleWaitMs: 1000 });
        go('?id=1&progress=30');
        vi.advanceTimersByTime(3000);
        expect(onNavigate).not.toHaveBeenCalled();
        go('?id=2');
        vi.advanceTimersByTime(200);
        win.document.title = 'Story two';
        vi.advanceTimersByTime(3000);
        expect(onNavigate).toHaveBeenCalledTimes(1);
      });
    });
  }

  it('an event the page dispatches changes nothing: the address decides', () => {
    vi.useFakeTimers();
    const { win, events, navigation } = fakeWindow('https://news.example/world/story-1', true);
    const onNavigate = vi.fn();
    watchNavigation(win, onNavigate);
    // Untrusted, as every event a page dispatches is, and the address did not change anyway.
    for (const type of ['popstate', 'hashchange', 'wxt:locationchange']) events.dispatchEvent(new Event(type));
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(trusted('currententrychange'));
    vi.advanceTimersByTime(5000);
    expect(onNavigate).not.toHaveBeenCalled();
  });
});
