/**
 * Which address changes are navigations to another page, and watching for
 * them without trusting the page.
 *
 * A single-page app changes its path (`history.pushState('/world/story-2')`);
 * a reading-progress script rewrites the hash (`#section-3`) or a tracking
 * parameter many times a minute, on the same article. Only the first drops the
 * highlights and scans afresh: the hash never counts (unless it is a route,
 * `#/…` or `#!/…`), and a new query counts only when the document's title
 * changed with it. Text that changes without a navigation is the mutation
 * observer's business (only the added text is scanned).
 *
 * The watcher reads the address itself (`location`, which a page cannot
 * redefine) whenever the browser reports a history change, or every second
 * where there is no Navigation API. An event the page dispatches can at most
 * make it look again: WXT's `wxt:locationchange`, which a page can dispatch
 * too, is not listened to.
 */

/** What decides whether the page is another one: its address and its title. */
export interface Place {
  url: URL;
  title: string;
}

/** The address of the document itself: origin and path, with a route-like hash (`#/…`, `#!/…`). */
export function documentKey(url: URL): string {
  const route = /^#!?\//.test(url.hash) ? url.hash : '';
  return `${url.origin}${url.pathname}${route}`;
}

/** Whether going from `before` to `after` without loading is a navigation to another page. */
export function isNavigation(before: Place, after: Place): boolean {
  if (documentKey(before.url) !== documentKey(after.url)) return true;
  return before.url.search !== after.url.search && before.title !== after.title;
}

/** What the watcher needs of the window (a fake one in unit tests). */
export interface WatchedWindow {
  location: { href: string };
  document: { title: string };
  addEventListener(type: string, listener: (e: Event) => void, options?: AddEventListenerOptions): void;
  /** The Navigation API, where the browser has it. */
  navigation?: {
    addEventListener(type: string, listener: (e: Event) => void, options?: AddEventListenerOptions): void;
  };
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface NavigationWatch {
  /** Looks at the address now (tests; the events and the poll call it). */
  check(): void;
  stop(): void;
}

export interface WatchOptions {
  /** Where there is no Navigation API: how often the address is read. */
  pollMs?: number;
  /** A new query with the same title: how long the title has to follow. */
  titleWaitMs?: number;
}

/** Calls `onNavigate` after each navigation to another page without loading. */
export function watchNavigation(
  win: WatchedWindow,
  onNavigate: () => void,
  options: WatchOptions = {},
): NavigationWatch {
  const pollMs = options.pollMs ?? 1000;
  const titleWaitMs = options.titleWaitMs ?? 1000;
  const read = (): Place | null => {
    try {
      return { url: new URL(win.location.href), title: String(win.document.title ?? '') };
    } catch {
      return null;
    }
  };
  /** The page being shown (as of the last navigation). */
  let page = read();
  let seen = win.location.href;
  let titleTimer: number | undefined;
  let stopped = false;
  const abort = new AbortController();

  function check(): void {
    if (stopped || page === null) return;
    const now = read();
    if (now === null) return;
    const href = now.url.href;
    if (href === seen) return;
    seen = href;
    if (isNavigation(page, now)) {
      moved(now);
    } else if (documentKey(page.url) === documentKey(now.url) && page.url.search !== now.url.search) {
      // Same path, new query, same title so far: another article only if its title follows.
      win.clearTimeout(titleTimer as number);
      titleTimer = win.setTimeout(() => {
        const later = read();
        if (!stopped && page !== null && later !== null && later.url.href === href && isNavigation(page, later))
          moved(later);
      }, titleWaitMs);
    } else {
      page = now;
    }
  }

  function moved(now: Place): void {
    win.clearTimeout(titleTimer as number);
    titleTimer = undefined;
    page = now;
    onNavigate();
  }

  // Only the browser's own events: one dispatched by the page would just make it look again, but need not.
  const onEvent = (e: Event) => {
    if (e.isTrusted) check();
  };
  const listen = { signal: abort.signal, passive: true };
  let poll: number | undefined;
  if (typeof win.navigation?.addEventListener === 'function') {
    win.navigation.addEventListener('currententrychange', onEvent, listen);
  } else {
    poll = win.setInterval(check, pollMs);
  }
  win.addEventListener('popstate', onEvent, listen);
  win.addEventListener('hashchange', onEvent, listen);

  return {
    check,
    stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      if (poll !== undefined) win.clearInterval(poll);
      win.clearTimeout(titleTimer as number);
    },
  };
}
