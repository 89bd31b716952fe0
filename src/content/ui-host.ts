/**
 * The element our UI (the card, the Save button) lives under in the page:
 * every inherited style reset with `!important`, above the page's layers,
 * its content in a closed shadow root the page's scripts cannot reach.
 */
export function createUiHost(
  doc: Document,
  tag: 'counterpoint-card' | 'counterpoint-save',
  display: 'block' | 'none',
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(`data-${tag}`, '');
  const s = host.style;
  s.setProperty('all', 'initial', 'important');
  s.setProperty('display', display, 'important');
  s.setProperty('position', 'absolute', 'important');
  s.setProperty('z-index', '2147483647', 'important');
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}
