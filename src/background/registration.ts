/**
 * The content script on sites the user granted (optional host permissions),
 * in addition to the built-in list the manifest declares. The registered set
 * follows the granted origins: synchronised at start-up and whenever a
 * permission is added or removed.
 */
import { CONTENT_SCRIPT_FILE, NEWS_SITE_MATCHES } from '@src/content/sites';

export const GRANTED_SCRIPT_ID = 'counterpoint-granted-sites';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The parts of `browser.scripting` and `browser.permissions` used here. */
export interface RegistrationApi {
  getAllOrigins(): Promise<string[]>;
  getRegistered(ids: string[]): Promise<RegisteredScript[]>;
  register(script: { id: string; matches: string[]; js: string[]; runAt: 'document_end' }): Promise<void>;
  update(script: { id: string; matches: string[]; js: string[] }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** Granted origins outside the built-in list (those already have the manifest's content script). */
export function grantedOrigins(origins: readonly string[]): string[] {
  const builtin = new Set(NEWS_SITE_MATCHES);
  return [...new Set(origins.filter((o) => !builtin.has(o) && /^(\*|https?):\/\//.test(o)))].sort();
}

export async function syncGrantedSites(api: RegistrationApi): Promise<string[]> {
  const wanted = grantedOrigins(await api.getAllOrigins());
  const [existing] = await api.getRegistered([GRANTED_SCRIPT_ID]);
  if (wanted.length === 0) {
    if (existing) await api.unregister([GRANTED_SCRIPT_ID]);
    return wanted;
  }
  if (!existing) {
    await api.register({ id: GRANTED_SCRIPT_ID, matches: wanted, js: [CONTENT_SCRIPT_FILE], runAt: 'document_end' });
  } else if ([...(existing.matches ?? [])].sort().join('\n') !== wanted.join('\n')) {
    await api.update({ id: GRANTED_SCRIPT_ID, matches: wanted, js: [CONTENT_SCRIPT_FILE] });
  }
  return wanted;
}

/** Serialises syncs: permission events can arrive while one is running. */
export function createRegistrationSync(api: RegistrationApi, onError: (e: unknown) => void): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return () => {
    chain = chain.then(() => syncGrantedSites(api).then(() => undefined)).catch(onError);
    return chain;
  };
}
