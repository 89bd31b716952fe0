import { describe, expect, it, vi } from 'vitest';
import type { CardView } from '../../src/content/controller';
import type { ContentUi } from '../../src/content/ui';
import { contentUi, installContentUi } from '../../src/content/ui';
import { CONTENT_UI_KEY, createUiLoader, deferredCard, installedUi } from '../../src/content/ui-loader';

const VERSION = '1.2.0';
const fakeUi = { marker: 'ui' } as unknown as ContentUi;
const installed = (ui: ContentUi = fakeUi, version = VERSION) => ({ version, ui });

/** An injection that installs the UI in `scope` when it settles (as content-ui.js does in the isolated world). */
function injector(scope: Record<string, unknown>, outcome: 'installs' | 'fails' | 'installs nothing' = 'installs') {
  let release: () => void = () => {};
  const calls = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        release = () => {
          if (outcome === 'fails') reject(new Error('no tab'));
          else {
            if (outcome === 'installs') scope[CONTENT_UI_KEY] = installed();
            resolve();
          }
        };
      }),
  );
  return { calls, release: () => release() };
}

describe('content UI loader', () => {
  it('injects once for any number of callers, then answers from the isolated world at once', async () => {
    const scope: Record<string, unknown> = {};
    const inject = injector(scope);
    const load = createUiLoader(scope, inject.calls, VERSION);
    expect(load.ready()).toBeUndefined();
    const both = Promise.all([load(), load()]);
    expect(inject.calls).toHaveBeenCalledTimes(1);
    inject.release();
    await expect(both).resolves.toEqual([fakeUi, fakeUi]);
    expect(load.ready()).toBe(fakeUi);
    await expect(load()).resolves.toBe(fakeUi);
    expect(inject.calls).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing when the UI is already there (injected for an earlier instance)', async () => {
    const scope: Record<string, unknown> = { [CONTENT_UI_KEY]: installed() };
    const inject = vi.fn(async () => {});
    await expect(createUiLoader(scope, inject, VERSION)()).resolves.toBe(fakeUi);
    expect(inject).not.toHaveBeenCalled();
  });

  it('never uses a UI another version of the extension left in the world (an update): it injects its own, which replaces it', async () => {
    const older = { marker: 'older build' } as unknown as ContentUi;
    const scope: Record<string, unknown> = { [CONTENT_UI_KEY]: installed(older, '1.1.0') };
    expect(installedUi(scope, VERSION)).toBeUndefined();
    const inject = vi.fn(async () => installContentUi(scope, VERSION));
    await expect(createUiLoader(scope, inject, VERSION)()).resolves.toBe(contentUi);
    expect(inject).toHaveBeenCalledTimes(1);
    // The same version again leaves the installed one as it is.
    installContentUi(scope, VERSION);
    expect(scope[CONTENT_UI_KEY]).toEqual({ version: VERSION, ui: contentUi });
  });

  it('fails clearly when the injection fails or installs nothing, and tries again at the next need', async () => {
    const scope: Record<string, unknown> = {};
    const failing = injector(scope, 'fails');
    const load = createUiLoader(scope, failing.calls, VERSION);
    const first = load();
    failing.release();
    await expect(first).rejects.toThrow(/no tab/);
    const second = load();
    expect(failing.calls).toHaveBeenCalledTimes(2);
    failing.release();
    await expect(second).rejects.toThrow(/no tab/);

    const empty = injector(scope, 'installs nothing');
    const loadEmpty = createUiLoader(scope, empty.calls, VERSION);
    const third = loadEmpty();
    empty.release();
    await expect(third).rejects.toThrow(/not injected/);
    await Promise.resolve();
    void loadEmpty().catch(() => {});
    expect(empty.calls).toHaveBeenCalledTimes(2);
  });
});

function recordingCard(): CardView & { calls: string[] } {
  const calls: string[] = [];
  let open = false;
  return {
    calls,
    show: (allegation) => {
      open = true;
      calls.push(`show ${(allegation as { text: string }).text}`);
    },
    hide: () => {
      open = false;
      calls.push('hide');
    },
    isOpen: () => open,
    contains: () => false,
    destroy: () => calls.push('destroy'),
  };
}

const allegation = (text: string) => ({ text }) as unknown as Parameters<CardView['show']>[0];
const rect = {} as DOMRect;
const options = { position: '1 / 1', focus: false, loading: false };

describe('deferred card', () => {
  it('is the real card at once when the UI is loaded', () => {
    const scope: Record<string, unknown> = { [CONTENT_UI_KEY]: installed() };
    const real = recordingCard();
    const card = deferredCard(
      createUiLoader(scope, async () => {}, VERSION),
      () => real,
      vi.fn(),
    );
    card.show(allegation('a'), rect, options);
    expect(real.calls).toEqual(['show a']);
    expect(card.isOpen()).toBe(true);
  });

  it('shows the last allegation asked for once the UI arrives; a hide before then shows nothing', async () => {
    const scope: Record<string, unknown> = {};
    const inject = injector(scope);
    const load = createUiLoader(scope, inject.calls, VERSION);
    const real = recordingCard();
    const card = deferredCard(load, () => real, vi.fn());
    card.show(allegation('a'), rect, options);
    card.show(allegation('b'), rect, options);
    expect(card.isOpen()).toBe(true);
    inject.release();
    await load();
    await Promise.resolve();
    expect(real.calls).toEqual(['show b']);

    const scope2: Record<string, unknown> = {};
    const inject2 = injector(scope2);
    const load2 = createUiLoader(scope2, inject2.calls, VERSION);
    const real2 = recordingCard();
    const card2 = deferredCard(load2, () => real2, vi.fn());
    card2.show(allegation('a'), rect, options);
    card2.hide();
    expect(card2.isOpen()).toBe(false);
    inject2.release();
    await load2();
    await Promise.resolve();
    expect(real2.calls).toEqual([]);
  });

  it('creates nothing once destroyed, and logs a UI that cannot load', async () => {
    const scope: Record<string, unknown> = {};
    const inject = injector(scope);
    const load = createUiLoader(scope, inject.calls, VERSION);
    const create = vi.fn(recordingCard);
    const card = deferredCard(load, create, vi.fn());
    card.show(allegation('a'), rect, options);
    card.destroy();
    inject.release();
    await load();
    await Promise.resolve();
    expect(create).not.toHaveBeenCalled();

    const failing = injector({}, 'fails');
    const log = vi.fn();
    deferredCard(createUiLoader({}, failing.calls, VERSION), create, log);
    failing.release();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('could not load the card', expect.any(Error)));
  });
});
