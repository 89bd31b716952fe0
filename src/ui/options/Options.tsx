/**
 * The options page: the installed claim packs (import by drag and drop or a
 * file, all-or-nothing with errors by path; export one or all; remove with
 * undo for the session), subscriptions, the MISP galaxy's threat-actor, ransomware
 * and tool clusters, and the sites
 * Counterpoint runs on. Every pack operation goes through the background.
 */
import type { MispClusterType } from '@core/actors/misp-cluster';
import type { ClaimPack } from '@core/pack/schema';
import { normaliseSubscriptionUrl, originPattern, type Subscription } from '@core/pack/subscription';
import { firstInvalidUtf8 } from '@core/pack/utf8';
import { NEWS_SITE_DOMAINS } from '@src/content/sites';
import { t } from '@src/i18n';
import { formatDate } from '@src/i18n/format';
import { JSON_LIMITS } from '@src/messaging/boundary';
import type { PackSummary } from '@src/messaging/protocol';
import type { ImportedMispCluster } from '@src/settings/misp-clusters';
import { builtinDomainOf, isSiteDisabled } from '@src/settings/sites';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OptionsApi } from './api';

/** The largest file the page reads: what the background accepts in one message. */
export const MAX_IMPORT_BYTES = JSON_LIMITS.maxJsonChars;
const SUB_STATUS = {
  pending: 'optionsSubPending',
  updated: 'optionsSubUpdated',
  unchanged: 'optionsSubUnchanged',
  error: 'optionsSubError',
} as const;

const MISP_TYPE = {
  'threat-actor': 'optionsMispTypeThreatActor',
  ransomware: 'optionsMispTypeRansomware',
  tool: 'optionsMispTypeTool',
} as const satisfies Record<MispClusterType, string>;

/** How many of an import's problems are listed (the first names the fix). */
const MAX_ISSUES_SHOWN = 20;

interface Status {
  kind: 'ok' | 'error';
  text: string;
  issues?: string[];
  /** The MISP cluster type an import read. */
  cluster?: MispClusterType;
}

/**
 * Reads a dropped or chosen file as JSON; a clear message when it is too large,
 * not UTF-8 (never silently repaired) or not JSON.
 */
export async function readJsonFile(
  file: Pick<File, 'size' | 'arrayBuffer'>,
): Promise<{ ok: true; json: unknown } | { ok: false; error: string }> {
  if (file.size > MAX_IMPORT_BYTES)
    return { ok: false, error: t('optionsImportTooLarge', Math.round(MAX_IMPORT_BYTES / 1024 / 1024)) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { ok: false, error: t('optionsImportNotUtf8', bad) };
  try {
    return { ok: true, json: JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: t('optionsImportNotJson', error instanceof Error ? error.message : String(error)) };
  }
}

const stamp = () => new Date().toISOString().slice(0, 10);

function hostOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function sourceText(p: PackSummary): string {
  if (p.builtin || p.source.kind === 'builtin') return t('optionsSourceBuiltin');
  if (p.source.kind === 'url' && p.source.url !== undefined) return p.source.url;
  return t('optionsSourceFile');
}

export function Options({ api }: { api: OptionsApi }) {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [removed, setRemoved] = useState<ClaimPack[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [disabled, setDisabled] = useState<string[]>([]);
  const [granted, setGranted] = useState<string[]>([]);
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([]);
  const [packsOff, setPacksOff] = useState<string[]>([]);
  const [clusters, setClusters] = useState<ImportedMispCluster[]>([]);
  const [address, setAddress] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);

  async function reload() {
    const [list, off, sites, subs, packOff, misp] = await Promise.all([
      api.listPacks(),
      api.disabledSites(),
      api.grantedSites(),
      api.listSubscriptions(),
      api.disabledPacks(),
      api.mispClusters(),
    ]);
    setPacks(list);
    setClusters(misp);
    setPacksOff(packOff);
    setSubscriptions(subs);
    setDisabled(off);
    setGranted(sites.filter((s) => builtinDomainOf(s) === null));
  }

  useEffect(() => {
    reload().catch((error: unknown) => setStatus({ kind: 'error', text: String(error) }));
  }, []);

  /** Runs one operation at a time and reports its outcome in the status line. */
  async function run(task: () => Promise<Status | null>) {
    if (busy) return;
    setBusy(true);
    try {
      const outcome = await task();
      if (outcome !== null) setStatus(outcome);
      await reload();
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      statusRef.current?.focus();
    }
  }

  function importFile(file: File | undefined) {
    if (file === undefined) return;
    void run(async () => {
      const read = await readJsonFile(file);
      if (!read.ok) return { kind: 'error', text: read.error };
      const result = await api.importPack(read.json, file);
      if (!result.ok) return { kind: 'error', text: t('optionsImportFailed', result.error), issues: result.issues };
      const { id, version, claims } = result.pack;
      return {
        kind: 'ok',
        text:
          result.previousVersion === null
            ? t('optionsImported', id, version, claims)
            : t('optionsUpdated', id, result.previousVersion, version, claims),
      };
    });
  }

  function importMisp(file: File | undefined) {
    if (file === undefined) return;
    void run(async () => {
      const read = await readJsonFile(file);
      if (!read.ok) return { kind: 'error', text: read.error };
      const result = await api.importMisp(read.json);
      if (!result.ok) return { kind: 'error', text: t('optionsImportFailed', result.error), issues: result.issues };
      const cluster = result.cluster ?? 'threat-actor';
      return {
        kind: 'ok',
        cluster,
        text:
          cluster === 'threat-actor'
            ? t('optionsMispImported', result.groups, result.added, result.updated, result.removed)
            : t(
                'optionsMispFamiliesImported',
                t(MISP_TYPE[cluster]),
                result.groups,
                result.added,
                result.updated,
                result.removed,
              ),
      };
    });
  }

  function removeMisp(cluster: ImportedMispCluster) {
    void run(async () => {
      const result = await api.removeMispCluster(cluster.type);
      if (!result.ok) return { kind: 'error', text: t('optionsImportFailed', result.error), issues: result.issues };
      return { kind: 'ok', text: t('optionsMispRemoved', t(MISP_TYPE[cluster.type])) };
    });
  }

  function exportOne(p: PackSummary) {
    void run(async () => {
      const pack = await api.exportPack(p.id);
      if (pack === null) return { kind: 'error', text: t('optionsPackGone', p.id) };
      api.download(`${p.id}-v${p.version}.json`, 'application/json', JSON.stringify(pack, null, 2));
      return null;
    });
  }

  function exportEverything() {
    void run(async () => {
      const all = await api.exportAll();
      api.download(`counterpoint-packs-${stamp()}.json`, 'application/json', JSON.stringify(all, null, 2));
      return null;
    });
  }

  function remove(p: PackSummary) {
    void run(async () => {
      // Kept for Undo: the pack exactly as installed.
      const copy = await api.exportPack(p.id);
      const result = await api.removePack(p.id);
      if (!result.ok) return { kind: 'error', text: result.error };
      if (!result.removed || copy === null) return { kind: 'error', text: t('optionsPackGone', p.id) };
      setRemoved((list) => [...list, copy]);
      return { kind: 'ok', text: t('optionsRemoved', p.title) };
    });
  }

  function undo() {
    const last = removed.at(-1);
    if (last === undefined) return;
    void run(async () => {
      const result = await api.importPack(last);
      if (!result.ok) return { kind: 'error', text: t('optionsImportFailed', result.error), issues: result.issues };
      setRemoved((list) => list.slice(0, -1));
      return { kind: 'ok', text: t('optionsRestored', last.title) };
    });
  }

  /** Subscribe: the origin's permission is asked for in the click itself (browsers require the gesture). */
  function subscribe(e: Event) {
    e.preventDefault();
    if (busy) return;
    const normal = normaliseSubscriptionUrl(address);
    if (!normal.ok) {
      setStatus({ kind: 'error', text: t('optionsSubscribeFailed', normal.error) });
      return;
    }
    const asked = api.requestOrigin(originPattern(normal.url));
    void run(async () => {
      if (!(await asked)) return { kind: 'error', text: t('optionsSubscribeDenied', new URL(normal.url).host) };
      const result = await api.subscribe(normal.url);
      if (!result.ok) return { kind: 'error', text: t('optionsSubscribeFailed', result.error) };
      setAddress('');
      return { kind: 'ok', text: t('optionsSubscribed', result.subscription.packId ?? normal.url) };
    });
  }

  function updateNow(sub: Subscription) {
    void run(async () => {
      const result = await api.updateSubscription(sub.url);
      if (!result.ok) return { kind: 'error', text: t('optionsSubscribeFailed', result.error) };
      return {
        kind: 'ok',
        text:
          result.subscription.status === 'updated'
            ? t('optionsSubscriptionUpdated', result.subscription.packId ?? sub.url, result.subscription.version ?? 0)
            : t('optionsSubscriptionUnchanged', result.subscription.packId ?? sub.url),
      };
    });
  }

  function unsubscribe(sub: Subscription) {
    void run(async () => {
      await api.unsubscribe(sub.url);
      return { kind: 'ok', text: t('optionsUnsubscribed', sub.url) };
    });
  }

  function switchPack(p: PackSummary, on: boolean) {
    setPacksOff((list) => (on ? list.filter((id) => id !== p.id) : [...list, p.id]));
    void run(async () => {
      await api.setPackEnabled(p.id, on);
      return { kind: 'ok', text: t(on ? 'optionsPackOn' : 'optionsPackOff', p.title) };
    });
  }

  function switchSite(site: string, on: boolean) {
    // Shown at once (a controlled checkbox would otherwise spring back until the setting is read again).
    setDisabled((list) => (on ? list.filter((s) => s !== site) : [...list, site]));
    void run(async () => {
      await api.setSiteDisabled(site, !on);
      return null;
    });
  }

  function forget(site: string) {
    void run(async () => {
      const done = await api.revokeSite(site);
      return done ? { kind: 'ok', text: t('optionsSiteForgotten', site) } : null;
    });
  }

  const onDrop = (e: JSX.TargetedDragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    importFile(e.dataTransfer?.files[0]);
  };
  const lastRemoved = removed.at(-1);

  return (
    <main class="options" aria-busy={busy}>
      <h1>{t('optionsTitle')}</h1>
      <div
        class={`status${status?.kind === 'error' ? ' error' : ''}`}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        ref={statusRef}
        data-status={status?.kind ?? ''}
        data-misp-cluster={status?.cluster}
      >
        {status !== null ? <p>{status.text}</p> : null}
        {status?.issues !== undefined && status.issues.length > 0 ? (
          <>
            <p>{t('optionsIssues')}</p>
            <ul class="issues">
              {status.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => (
                <li key={issue}>
                  <code>{issue}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {lastRemoved !== undefined ? (
          <button type="button" class="undo" onClick={undo} disabled={busy}>
            {t('optionsUndoRemove', lastRemoved.title)}
          </button>
        ) : null}
      </div>

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t('optionsPacks')}</h2>
        <p class="muted">{t('optionsPacksIntro')}</p>
        {packs === null ? (
          <p class="muted">{t('optionsLoading')}</p>
        ) : packs.length === 0 ? (
          <p>{t('optionsNoPacks')}</p>
        ) : (
          <div class="table-wrap">
            <table class="packs">
              <thead>
                <tr>
                  <th scope="col">{t('optionsColPack')}</th>
                  <th scope="col">{t('optionsColUsed')}</th>
                  <th scope="col">{t('optionsColVersion')}</th>
                  <th scope="col">{t('optionsColStatements')}</th>
                  <th scope="col">{t('optionsColLicense')}</th>
                  <th scope="col">{t('optionsColSource')}</th>
                  <th scope="col">{t('optionsColUpdated')}</th>
                  <th scope="col">{t('optionsColActions')}</th>
                </tr>
              </thead>
              <tbody>
                {packs.map((p) => (
                  <tr
                    key={p.id}
                    data-pack-id={p.id}
                    data-builtin={p.builtin ? 'true' : 'false'}
                    data-enabled={packsOff.includes(p.id) ? 'false' : 'true'}
                  >
                    <th scope="row">
                      <span class="title">{p.title}</span>
                      <span class="muted id">{p.id}</span>
                      {p.homepage !== undefined && hostOf(p.homepage) !== '' ? (
                        <a href={p.homepage} target="_blank" rel="noopener noreferrer">
                          {hostOf(p.homepage)}
                        </a>
                      ) : null}
                    </th>
                    <td>
                      <input
                        id={`pack-on-${p.id}`}
                        type="checkbox"
                        checked={!packsOff.includes(p.id)}
                        disabled={busy}
                        data-action="enable"
                        onChange={(e) => switchPack(p, e.currentTarget.checked)}
                      />
                      <label for={`pack-on-${p.id}`}>
                        {t(packsOff.includes(p.id) ? 'optionsPackStateOff' : 'optionsPackStateOn')}
                        <span class="visually-hidden"> {p.title}</span>
                      </label>
                    </td>
                    <td>{p.version}</td>
                    <td>{t('optionsCounts', p.counts.claims, p.counts.incidents)}</td>
                    <td>{p.license}</td>
                    <td class="source">{sourceText(p)}</td>
                    <td>
                      <time dateTime={p.installedAt}>{formatDate(p.installedAt.slice(0, 10))}</time>
                      <span class="muted"> {t('optionsPublished', formatDate(p.publishedAt.slice(0, 10)))}</span>
                    </td>
                    <td class="actions">
                      <button type="button" onClick={() => exportOne(p)} disabled={busy} data-action="export">
                        {t('optionsExport')}
                        <span class="visually-hidden"> {p.title}</span>
                      </button>
                      <button
                        type="button"
                        onClick={() => remove(p)}
                        disabled={busy || p.builtin}
                        title={p.builtin ? t('optionsBuiltinKept') : undefined}
                        data-action="remove"
                      >
                        {t('optionsRemove')}
                        <span class="visually-hidden"> {p.title}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {/* The whole zone is the file input's label: drop a file on it, or click it to choose one. */}
        <label
          class={`drop${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {t('optionsImportDrop')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            data-import="pack"
            onChange={(e) => {
              const input = e.currentTarget;
              importFile(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
        <p>
          <button type="button" onClick={exportEverything} disabled={busy || packs === null} data-action="export-all">
            {t('optionsExportAll')}
          </button>
        </p>
      </section>

      <section aria-labelledby="subs-heading">
        <h2 id="subs-heading">{t('optionsSubscriptions')}</h2>
        <p class="muted">{t('optionsSubscriptionsIntro')}</p>
        <form class="subscribe" onSubmit={subscribe}>
          <label for="sub-url">{t('optionsSubscribeLabel')}</label>{' '}
          <input
            id="sub-url"
            type="url"
            inputMode="url"
            placeholder="https://"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
            disabled={busy}
          />{' '}
          <button type="submit" disabled={busy}>
            {t('optionsSubscribe')}
          </button>
        </form>
        {subscriptions.length === 0 ? (
          <p class="muted">{t('optionsNoSubscriptions')}</p>
        ) : (
          <ul class="subscriptions">
            {subscriptions.map((s) => (
              <li
                key={s.url}
                data-subscription={s.url}
                data-status={s.status}
                data-builtin={s.builtin === true ? 'true' : 'false'}
              >
                <p class="sub-url">
                  {s.builtin === true ? <strong>{t('optionsSubscriptionBuiltin')}</strong> : <code>{s.url}</code>}
                </p>
                <p>
                  {s.packId !== null ? t('optionsSubscriptionPack', s.packId, s.version ?? 0, s.claims ?? 0) : null}{' '}
                  <span class={`sub-status ${s.status}`}>{t(SUB_STATUS[s.status])}</span>
                  {s.error !== null ? <span class="sub-error"> — {s.error}</span> : null}
                </p>
                <p class="muted">
                  {s.updatedAt !== null ? t('optionsSubscriptionUpdatedAt', formatDate(s.updatedAt)) : null}{' '}
                  {s.checkedAt !== null ? t('optionsSubscriptionChecked', formatDate(s.checkedAt)) : null}{' '}
                  {s.builtin === true ? null : t('optionsSubscriptionEvery', s.intervalHours)}
                </p>
                {s.builtin === true ? (
                  <p class="muted">{t('optionsSubscriptionBuiltinNote')}</p>
                ) : (
                  <>
                    <button type="button" onClick={() => updateNow(s)} disabled={busy} data-action="update-now">
                      {t('optionsUpdateNow')}
                    </button>
                    <button type="button" onClick={() => unsubscribe(s)} disabled={busy} data-action="unsubscribe">
                      {t('optionsUnsubscribe')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="misp-heading">
        <h2 id="misp-heading">{t('optionsMisp')}</h2>
        <p class="muted">{t('optionsMispIntro')}</p>
        <label for="misp-file">{t('optionsMispChoose')}</label>{' '}
        <input
          id="misp-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          data-import="misp"
          onChange={(e) => {
            const input = e.currentTarget;
            importMisp(input.files?.[0]);
            input.value = '';
          }}
        />
        {clusters.length === 0 ? (
          <p class="muted">{t('optionsMispNone')}</p>
        ) : (
          <ul class="misp-clusters">
            {clusters.map((c) => (
              <li key={c.type} data-misp-cluster={c.type}>
                {t(
                  'optionsMispListed',
                  c.name,
                  t(MISP_TYPE[c.type]),
                  c.version ?? '—',
                  c.entries,
                  c.actors,
                  formatDate(c.importedAt.slice(0, 10)),
                )}{' '}
                <button type="button" onClick={() => removeMisp(c)} disabled={busy} data-action="remove-misp">
                  {t('optionsMispRemove')}
                  <span class="visually-hidden"> {c.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSites')}</h2>
        <p class="muted">{t('optionsSitesIntro')}</p>
        <h3>{t('optionsSitesGranted')}</h3>
        {granted.length === 0 ? (
          <p class="muted">{t('optionsSitesNoneGranted')}</p>
        ) : (
          <ul class="sites" data-sites="granted">
            {granted.map((site) => (
              <li key={site}>
                <SiteToggle site={site} on={!isSiteDisabled(site, disabled)} busy={busy} onChange={switchSite} />{' '}
                <button type="button" onClick={() => forget(site)} disabled={busy}>
                  {t('optionsSiteForget')}
                  <span class="visually-hidden"> {site}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('optionsSitesBuiltin')}</h3>
        <ul class="sites columns" data-sites="builtin">
          {NEWS_SITE_DOMAINS.map((site) => (
            <li key={site}>
              <SiteToggle site={site} on={!isSiteDisabled(site, disabled)} busy={busy} onChange={switchSite} />
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function SiteToggle({
  site,
  on,
  busy,
  onChange,
}: {
  site: string;
  on: boolean;
  busy: boolean;
  onChange(site: string, on: boolean): void;
}) {
  const id = `site-${site}`;
  return (
    <span class="site">
      <input
        id={id}
        type="checkbox"
        checked={on}
        disabled={busy}
        data-site={site}
        onChange={(e) => onChange(site, e.currentTarget.checked)}
      />
      <label for={id}>{site}</label>
    </span>
  );
}
