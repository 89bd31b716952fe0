/**
 * A build step (a Vite plugin, wired in wxt.config.ts) that takes out of
 * Preact the one place it writes HTML: `dangerouslySetInnerHTML`, which its
 * diff assigns to `innerHTML`. Counterpoint never uses that prop (every page
 * text is inserted as text), so the code path is removed rather than the
 * warning (addons-linter's UNSAFE_VAR_ASSIGNMENT on the popup's chunk):
 * a component that passed the prop would now fail loudly instead of writing
 * markup. The build fails if Preact's code no longer has exactly that one
 * assignment (a Preact upgrade must be looked at, not silently pass).
 */

/** `<node>.innerHTML = <prop>.__html`, as Preact's minified builds write it. */
const HTML_ASSIGNMENT = /([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html/g;

const REFUSAL = '(()=>{throw new Error("dangerouslySetInnerHTML is not available in Counterpoint")})()';

/** Preact's builds: the module Vite resolves for the browser, and the others. */
const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs|js)$/;

export function withoutInnerHtml(code: string, file: string): string {
  const found = code.match(HTML_ASSIGNMENT) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `${file}: expected Preact's one dangerouslySetInnerHTML assignment, found ${found.length}; check src/tools/preact-without-inner-html.ts`,
    );
  }
  return code.replace(HTML_ASSIGNMENT, REFUSAL);
}

/** The Vite plugin (structurally typed: the config needs no import from Vite). */
export function preactWithoutInnerHtml() {
  return {
    name: 'counterpoint:preact-without-inner-html',
    transform(code: string, id: string) {
      const file = id.split('?')[0] ?? id;
      if (!PREACT_DIST.test(file)) return null;
      return { code: withoutInnerHtml(code, file), map: null };
    },
  };
}
