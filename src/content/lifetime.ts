/**
 * The content script's life in one frame, out of the page's reach.
 *
 * WXT ends a content script when it sees an event announcing a newer one: a
 * `CustomEvent` on `document` (and, unless `noScriptStartedPostMessage`, a
 * `postMessage` to the page) named after the extension's id. Both go through
 * the page's DOM, where the page can replay them — and the id is public (the
 * store's, or Firefox's gecko id) — so that signal is never obeyed here.
 *
 * The handover lives instead in the extension's isolated world, which the
 * page cannot see: all of this extension's content scripts in a frame share
 * one global object (the manifest's script and the one "Scan this page" or a
 * save injects), so the instance that starts finds the one already running in
 * a property of that object and ends it. Nothing the page does reaches it.
 */

/** Where the running instance is kept, on the isolated world's global object (never the page's). */
export const INSTANCE_KEY = '__counterpointInstance';

export interface Lifetime {
  /** True once ended: by `end()`, by a newer instance, or by the extension going away. */
  readonly ended: boolean;
  /** Runs `cb` once when the instance ends (at once if it has). */
  onEnd(cb: () => void): void;
  /** Ends the instance (its `onEnd` callbacks run once). */
  end(): void;
  /** False (and ends) when the extension was updated, disabled or removed under this script. */
  alive(): boolean;
}

export interface LifetimeOptions {
  /** The isolated world's global object. */
  scope?: Record<string, unknown>;
  /** Whether the extension is still there (`browser.runtime.id` is gone once it is not). */
  extensionAlive?: () => boolean;
  /**
   * How often `alive()` is asked, when set. A copy left behind by an update
   * may live in another world than its successor's: it would keep painting
   * (and restoring) its highlights under the same names; it ends by itself.
   */
  checkEveryMs?: number;
}

/** Starts this instance in the frame, ending the one that ran before it. */
export function claimFrame(options: LifetimeOptions = {}): Lifetime {
  const scope = options.scope ?? (globalThis as Record<string, unknown>);
  const extensionAlive = options.extensionAlive ?? (() => true);
  const previous = scope[INSTANCE_KEY] as Partial<Lifetime> | undefined;
  if (typeof previous?.end === 'function') {
    try {
      previous.end();
    } catch {
      // An older build's instance, or one whose cleanup failed: this one starts anyway.
    }
  }
  const callbacks: Array<() => void> = [];
  let ended = false;
  const life: Lifetime = {
    get ended() {
      return ended;
    },
    onEnd(cb) {
      if (ended) cb();
      else callbacks.push(cb);
    },
    end() {
      if (ended) return;
      ended = true;
      if (scope[INSTANCE_KEY] === life) delete scope[INSTANCE_KEY];
      for (const cb of callbacks.splice(0)) {
        try {
          cb();
        } catch {
          // One failing cleanup must not keep the others from running.
        }
      }
    },
    alive() {
      if (!ended && !extensionAlive()) life.end();
      return !ended;
    },
  };
  scope[INSTANCE_KEY] = life;
  if (options.checkEveryMs !== undefined) {
    const timer = setInterval(() => life.alive(), options.checkEveryMs);
    life.onEnd(() => clearInterval(timer));
  }
  return life;
}
