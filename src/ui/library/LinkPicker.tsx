/**
 * Links from an annotation to statements of the claim database (the seed
 * pack, subscribed packs, "My annotations"): a search over them by words,
 * speaker or incident, and the linked ones as chips (speaker, date, text)
 * that can be removed. What is stored is each statement's key,
 * `packId/claimId`; a link to a pack since removed stays, marked as missing.
 * Statement text is rendered as text, never as HTML.
 */

import { LIMITS } from '@core/annotation/record';
import type { StatementHit } from '@core/annotation/statement-search';
import { MY_ANNOTATIONS_PACK_ID } from '@core/annotation/statements';
import { t } from '@src/i18n';
import { claimStanceLabel, formatDate } from '@src/i18n/format';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryApi } from './api';

const RESULTS = 8;

function Statement({ hit }: { hit: StatementHit }) {
  return (
    <>
      <span class="who">
        {hit.speaker} · {formatDate(hit.date)} · {claimStanceLabel(hit.stance)}
        {hit.incident !== undefined ? ` · ${hit.incident}` : ''}
        {hit.packId === MY_ANNOTATIONS_PACK_ID ? ` · ${t('libraryMyAnnotations')}` : ''}
      </span>
      <span class="said">{hit.text}</span>
    </>
  );
}

export function LinkPicker(props: {
  api: Pick<LibraryApi, 'searchStatements' | 'statementsByKey'>;
  links: readonly string[];
  onChange(links: string[]): void;
  /** The annotation's own statement, which it cannot link. */
  self?: string;
}) {
  const { api, links } = props;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StatementHit[] | null>(null);
  const [known, setKnown] = useState<ReadonlyMap<string, StatementHit>>(new Map());
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const asked = useRef(0);

  // The chips need each linked statement's speaker, date and text.
  useEffect(() => {
    const unknown = links.filter((k) => !known.has(k) && !missing.has(k));
    if (unknown.length === 0) return;
    let gone = false;
    api.statementsByKey(unknown).then(
      (hits) => {
        if (gone) return;
        const found = new Set(hits.map((h) => h.key));
        setKnown((m) => new Map([...m, ...hits.map((h) => [h.key, h] as const)]));
        setMissing((s) => new Set([...s, ...unknown.filter((k) => !found.has(k))]));
      },
      () => {},
    );
    return () => {
      gone = true;
    };
  }, [links.join('\n')]);

  async function search(text: string) {
    setQuery(text);
    const ask = ++asked.current;
    if (text.trim().length < 2) {
      setResults(null);
      return;
    }
    const hits = await api.searchStatements(text, RESULTS + 1).catch(() => []);
    // Answers can cross: only the latest question's answer is shown.
    if (ask === asked.current) setResults(hits.filter((h) => h.key !== props.self).slice(0, RESULTS));
  }

  function add(hit: StatementHit) {
    if (links.includes(hit.key) || links.length >= LIMITS.links) return;
    setKnown((m) => new Map(m).set(hit.key, hit));
    props.onChange([...links, hit.key]);
  }

  return (
    <fieldset class="links wide">
      <legend>{t('libraryLinks')}</legend>
      {links.length > 0 ? (
        <ul class="link-chips">
          {links.map((key) => {
            const hit = known.get(key);
            return (
              <li key={key} class="link-chip" data-link={key}>
                <span class="chip-body">
                  {hit !== undefined ? (
                    <Statement hit={hit} />
                  ) : (
                    <span class="who">
                      {key}
                      {missing.has(key) ? ` · ${t('libraryLinkMissing')}` : ''}
                    </span>
                  )}
                </span>
                <button
                  type="button"
                  data-action="unlink"
                  aria-label={`${t('libraryLinkRemove')}: ${hit?.speaker ?? key}`}
                  title={t('libraryLinkRemove')}
                  onClick={() => props.onChange(links.filter((k) => k !== key))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        type="search"
        name="link-search"
        aria-label={t('libraryLinkSearch')}
        placeholder={t('libraryLinkSearch')}
        value={query}
        onInput={(e) => void search((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          // Enter picks the first answer instead of submitting the annotation.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const first = results?.find((h) => !links.includes(h.key));
          if (first !== undefined) add(first);
        }}
      />
      {results !== null ? (
        results.length === 0 ? (
          <p class="muted link-none">{t('libraryLinkNone')}</p>
        ) : (
          <ul class="link-results">
            {results.map((hit) => {
              const linked = links.includes(hit.key);
              return (
                <li key={hit.key} data-statement={hit.key}>
                  <span class="chip-body">
                    <Statement hit={hit} />
                  </span>
                  <button
                    type="button"
                    data-action="link"
                    data-link-key={hit.key}
                    disabled={linked}
                    onClick={() => add(hit)}
                  >
                    {linked ? t('libraryLinkLinked') : t('libraryLinkAdd')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </fieldset>
  );
}
