/**
 * The content script's handover in a frame (issue 10, item 1): a newer
 * instance ends the running one through the isolated world's global object,
 * never through an event on the page's DOM, which a page can replay.
 */
import { describe, expect, it, vi } from 'vitest';
import { claimFrame, INSTANCE_KEY } from '../../src/content/lifetime';

describe('one content script per frame', () => {
  it('a newer instance ends the one running before it, once', () => {
    const scope: Record<string, unknown> = {};
    const first = claimFrame({ scope });
    const stopped = vi.fn();
    first.onEnd(stopped);
    expect(first.ended).toBe(false);
    const second = claimFrame({ scope });
    expect(first.ended).toBe(true);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(second.ended).toBe(false);
    expect(scope[INSTANCE_KEY]).toBe(second);
    first.end();
    expect(stopped).toHaveBeenCalledTimes(1);
    // The old one ending late does not unregister the new one.
    expect(scope[INSTANCE_KEY]).toBe(second);
  });

  it('is not ended by anything the page can do to its DOM: events named like WXT’s are not listened to', () => {
    const scope: Record<string, unknown> = {};
    const life = claimFrame({ scope });
    const target = new EventTarget();
    for (const type of ['wxt:content-script-started', 'x:content:wxt:content-script-started', 'wxt:locationchange'])
      target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    expect(life.ended).toBe(false);
  });

  it('ends when the extension went away under it (updated, disabled, removed)', () => {
    let extension = true;
    const life = claimFrame({ scope: {}, extensionAlive: () => extension });
    const stopped = vi.fn();
    life.onEnd(stopped);
    expect(life.alive()).toBe(true);
    extension = false;
    expect(life.alive()).toBe(false);
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('left behind by an update, it notices by itself and ends (its timer too)', () => {
    vi.useFakeTimers();
    try {
      let extension = true;
      const life = claimFrame({ scope: {}, extensionAlive: () => extension, checkEveryMs: 2000 });
      const stopped = vi.fn();
      life.onEnd(stopped);
      vi.advanceTimersByTime(6000);
      expect(stopped).not.toHaveBeenCalled();
      extension = false;
      vi.advanceTimersByTime(2000);
      expect(stopped).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs every cleanup even when one throws, and a late onEnd at once', () => {
    const life = claimFrame({ scope: {} });
    const after = vi.fn();
    life.onEnd(() => {
      throw new Error('broken cleanup');
    });
    life.onEnd(after);
    life.end();
    expect(after).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    life.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('starts even when what the global holds is not an instance (an older build left something)', () => {
    const scope: Record<string, unknown> = { [INSTANCE_KEY]: { end: 'not a function' } };
    expect(claimFrame({ scope }).ended).toBe(false);
    scope[INSTANCE_KEY] = {
      end() {
        throw new Error('old');
      },
    };
    expect(claimFrame({ scope }).ended).toBe(false);
  });
});
