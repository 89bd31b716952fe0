/**
 * Stock Firefox (Debian's firefox-esr) with the unpacked Firefox build,
 * driven by puppeteer-core over WebDriver BiDi — never a downloaded browser.
 *
 * - The add-on is installed temporarily (`webExtension.install`), as
 *   `about:debugging` does for an unsigned build.
 * - Its moz-extension UUID is fixed by a preference, so the test can open its
 *   pages; `--remote-allow-system-access` lets WebDriver navigate to them.
 * - Pages are served from memory by request interception, page by page; every
 *   other request is refused and recorded.
 * - Everything else the browser would send goes to a local proxy that answers
 *   nothing and records the host: a request there left the page's
 *   interception (from the background page, say) and would have reached the network.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD_DIR } from './extension';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
const ADDON_ID = 'counterpoint@counterpoint.invalid';
const UUID = '0c0a7e55-c0de-4a11-8f00-c0a7e2b01e55';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxNetwork {
  /** Every request the test's pages made, in order. */
  requests: string[];
  /** Requests of those pages that no fixture answered (refused). */
  blocked: string[];
  /** Hosts that reached the proxy: traffic that would have left the browser. */
  escaped: string[];
}

/** Firefox's own services (settings, updates…): traffic of the browser, not of the extension. */
export const isMozillaService = (hostPort: string) =>
  /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)(:\d+)?$/.test(hostPort);

export interface LoadedFirefox {
  browser: Browser;
  network: FirefoxNetwork;
  /** A new tab whose requests are served from `pages` (URL → HTML) and otherwise refused. */
  newPage(): Promise<Page>;
  /** An extension page (`popup.html?tab=…`) in a new tab. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function assertFirefox(buildDir = FIREFOX_BUILD_DIR): void {
  if (!existsSync(join(buildDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${buildDir}: run \`npm run build\` first.`);
  if (!existsSync(FIREFOX_PATH))
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}: run \`apt-get update && apt-get install -y firefox-esr\` ` +
        '(never a downloaded browser), or set FIREFOX_PATH.',
    );
}

/** A proxy that records the host of every request and answers none of them. */
async function blackholeProxy(escaped: string[]): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    escaped.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    escaped.push(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

export async function launchFirefox(
  pages: ReadonlyMap<string, string>,
  buildDir = FIREFOX_BUILD_DIR,
): Promise<LoadedFirefox> {
  assertFirefox(buildDir);
  const network: FirefoxNetwork = { requests: [], blocked: [], escaped: [] };
  const proxy = await blackholeProxy(network.escaped);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own services, quiet (what Mozilla's test harnesses set).
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.connectivity-service.enabled': false,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'app.normandy.enabled': false,
    },
  });
  try {
    await browser.installExtension(buildDir);
  } catch (error) {
    await browser.close();
    proxy.server.close();
    throw error;
  }

  async function isolate(page: Page): Promise<Page> {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      network.requests.push(url);
      const html = pages.get(url);
      if (html !== undefined) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else if (url.startsWith(`${FIREFOX_EXTENSION_ORIGIN}/`) || /^(data|blob):/.test(url)) {
        void request.continue();
      } else {
        network.blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    return page;
  }

  return {
    browser,
    network,
    newPage: async () => isolate(await browser.newPage()),
    async extensionPage(path) {
      const page = await isolate(await browser.newPage());
      await gotoExtensionPage(page, `${FIREFOX_EXTENSION_ORIGIN}/${path}`);
      return page;
    },
    async close() {
      await browser.close();
      for (const s of proxy.sockets) s.destroy();
      await new Promise((resolve) => proxy.server.close(resolve));
    },
  };
}

/**
 * Opens an extension page in `page`. Firefox loads it in the extension's own
 * process, and WebDriver BiDi does not report the navigation's end across that
 * switch: navigate without waiting for it, then wait for the page's state.
 */
export async function gotoExtensionPage(page: Page, url: string, timeout = 30_000): Promise<void> {
  page.goto(url, { timeout: 0 }).catch(() => {
    // Settled when the tab closes or navigates again; the state below is what counts.
  });
  const until = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => 'navigating');
    if (state === `complete ${url}`) return;
    if (Date.now() > until) throw new Error(`${url} did not load (last state: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
