/**
 * The tab whose report the popup shows: `?tab=ID` when given (the popup page
 * opened in a tab, tests), otherwise the active tab of the current window.
 */
export async function resolveTabId(
  search: string,
  activeTabId: () => Promise<number | undefined>,
): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    return /^\d{1,10}$/.test(param) ? Number(param) : null;
  }
  return (await activeTabId()) ?? null;
}
