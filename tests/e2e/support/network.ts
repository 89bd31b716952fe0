import type { BrowserContext, Route } from 'playwright-core';

export interface RoutedPage {
  url: string;
  html: string;
}

export interface NetworkLog {
  /** Every request the context made (pages, frames, workers), in order. */
  requests: string[];
  /** Requests that no fixture or local server answered, and that were aborted. */
  blocked: string[];
  /** Serves `html` at `url` from now on (a page that changed since the last visit). */
  serve(url: string, html: string): void;
}

/**
 * Serves the given pages from memory, lets requests to `localOrigins` (a local
 * server, the extension itself) through,
 * aborts everything else and records it all: the test can then prove that the
 * extension sends nothing anywhere.
 */
export async function isolateNetwork(
  context: BrowserContext,
  pages: RoutedPage[],
  localOrigins: string[],
): Promise<NetworkLog> {
  const byUrl = new Map(pages.map((p) => [p.url, p.html]));
  const log: NetworkLog = { requests: [], blocked: [], serve: (url, html) => void byUrl.set(url, html) };
  context.on('request', (request) => {
    log.requests.push(request.url());
  });
  await context.route('**/*', async (route: Route) => {
    const url = route.request().url();
    const html = byUrl.get(url);
    if (html !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else if (localOrigins.some((origin) => url.startsWith(`${origin}/`))) {
      await route.continue();
    } else {
      log.blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return log;
}
