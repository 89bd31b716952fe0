/**
 * Data a library takes before its first use (French: its expanded lexicon,
 * src/core/nlp-libs.lazy.ts), read once from the extension's own files,
 * before the first sentence in that language. On any failure the library
 * expands it itself, as it ships (slower, same result). Used where the NLP
 * runs: the reader's worker, and the service worker when it reads itself.
 */
import { nlpDataFile, provideNlpData } from '@core/nlp-libs';
import type { Lang } from '@core/types';

export function createNlpPreparer(
  readOwnJson: (file: string) => Promise<unknown>,
  logError: (error: unknown) => void,
): (langs: ReadonlySet<Lang>) => Promise<void> {
  const reads = new Map<Lang, Promise<void>>();
  return async (langs) => {
    await Promise.all(
      [...langs].map((lang) => {
        const file = nlpDataFile(lang);
        if (file === null) return undefined;
        let reading = reads.get(lang);
        if (reading === undefined) {
          reading = readOwnJson(file)
            .then((data) => provideNlpData(lang, data))
            .catch(logError);
          reads.set(lang, reading);
        }
        return reading;
      }),
    );
  };
}

/** One of the extension's own files under `base` (its root URL, with a trailing slash), as JSON. */
export async function readJsonAt(base: string, file: string): Promise<unknown> {
  const response = await fetch(`${base}${file}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}
