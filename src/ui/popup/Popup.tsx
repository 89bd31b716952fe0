import { t } from '@src/i18n';
import { countLabel } from '@src/i18n/format';
import type { TabReport } from '@src/messaging/protocol';
import { siteOf } from '@src/settings/sites';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AllegationGroups } from '../components/AllegationGroups';
import { SiteSwitch } from '../components/SiteSwitch';
import type { PopupEnv } from './env';
import { groupByAccused } from './groups';
import { readSiteState, type SiteState, siteEnabled } from './site';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'noTab' }
  | {
      kind: 'ready';
      tabId: number;
      /** Null: the tab has no report (not scanned, or not a page Counterpoint runs on). */
      report: TabReport | null;
      /** Undefined when the extension may not read the tab's address. */
      url: string | undefined;
    };

type ScanState = { kind: 'idle' } | { kind: 'running' } | { kind: 'started' } | { kind: 'failed'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A page Counterpoint can never scan: an address it can read that is not http(s). */
export function unscannable(url: string | undefined): boolean {
  return url !== undefined && siteOf(url) === null;
}

export function Popup({ env }: { env: PopupEnv }) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [site, setSite] = useState<SiteState | null>(null);
  const [scan, setScan] = useState<ScanState>({ kind: 'idle' });
  const refresh = useRef<() => void>(() => {});

  useEffect(() => {
    let live = true;
    let unwatch = () => {};
    let latest = 0;
    (async () => {
      const tabId = await env.tabId();
      if (!live) return;
      if (tabId === null) {
        setState({ kind: 'noTab' });
        return;
      }
      // Opening the popup is the gesture that lets a page outside the list show its saved claims.
      env.showSaved?.(tabId).catch(() => {});
      const urlPromise = env.tabUrl(tabId).catch(() => undefined);
      // Reports change when the page is scanned again (navigation, new text, "Scan this page").
      const reload = (url: string | undefined) => {
        const request = ++latest;
        return env.report(tabId).then(
          (report) => {
            if (live && request === latest) setState({ kind: 'ready', tabId, report, url });
          },
          (error: unknown) => {
            if (live && request === latest) setState({ kind: 'error', message: errorText(error) });
          },
        );
      };
      const url = await urlPromise;
      if (!live) return;
      unwatch = env.watchReport(tabId, () => void reload(url));
      refresh.current = () => void reload(url);
      await reload(url);
      const siteState = await readSiteState(url, env.site).catch(() => null);
      if (live) setSite(siteState);
    })().catch((error: unknown) => {
      if (live) setState({ kind: 'error', message: errorText(error) });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [env]);

  const tabId = state.kind === 'ready' ? state.tabId : null;

  const onReveal = useCallback(
    (index: number) =>
      tabId === null
        ? Promise.resolve(false)
        : env.reveal(tabId, index).then(
            (response) => response?.ok !== false,
            () => false,
          ),
    [env, tabId],
  );

  const onScan = () => {
    if (tabId === null || scan.kind === 'running') return;
    setScan({ kind: 'running' });
    env.scan(tabId).then(
      () => {
        setScan({ kind: 'started' });
        refresh.current();
      },
      (error: unknown) => setScan({ kind: 'failed', message: errorText(error) }),
    );
  };

  // Switched on where nothing ran yet (a site just granted): scan now rather than at the next load.
  const onSiteChange = (next: SiteState) => {
    setSite(next);
    if (siteEnabled(next) && state.kind === 'ready' && state.report === null) onScan();
  };

  return (
    <main class="popup" aria-labelledby="popup-title" aria-busy={state.kind === 'loading'}>
      <header class="popup-header">
        <h1 id="popup-title">{t('extName')}</h1>
        {site ? <SiteSwitch state={site} access={env.site} onChange={onSiteChange} /> : null}
      </header>
      {site?.disabled && (site.builtin || site.granted) ? (
        <p role="status" class="empty" data-count="0" data-state="off">
          {t('popupSiteOff', site.site)}
        </p>
      ) : (
        <PopupBody state={state} scan={scan} onScan={onScan} onReveal={onReveal} />
      )}
      <footer class="popup-footer">
        <p>{t('popupLocalFirst')}</p>
        <p>
          <a href="/library.html" target="_blank" rel="noopener" data-link="library">
            {t('popupLibrary')}
          </a>
          {' · '}
          <a href="/options.html" target="_blank" rel="noopener" data-link="settings">
            {t('popupSettings')}
          </a>
        </p>
      </footer>
    </main>
  );
}

interface BodyProps {
  state: PopupState;
  scan: ScanState;
  onScan: () => void;
  onReveal: (index: number) => Promise<boolean>;
}

function PopupBody({ state, scan, onScan, onReveal }: BodyProps) {
  switch (state.kind) {
    case 'loading':
      return <p role="status">{t('popupLoading')}</p>;
    case 'error':
      return (
        <p role="alert" class="error">
          {t('popupError', state.message)}
        </p>
      );
    case 'noTab':
      return (
        <p role="status" class="empty" data-count="0">
          {t('popupNoTab')}
        </p>
      );
    case 'ready':
      if (state.report === null) {
        return unscannable(state.url) ? (
          <p role="status" class="empty" data-count="0" data-state="unscannable">
            {t('popupCannotScan')}
          </p>
        ) : (
          <NotScanned scan={scan} onScan={onScan} />
        );
      }
      return (
        <>
          <ReportNotice report={state.report} scan={scan} onScan={onScan} />
          {/* A report lost whole is not a page without allegations: no count then. */}
          {lost(state.report) ? null : <Report report={state.report} onReveal={onReveal} />}
        </>
      );
  }
}

/** Read back after a restart with none of its allegations: the browser had refused to keep it. */
function lost(report: TabReport): boolean {
  return report.restored?.failed === true && report.allegations.length === 0;
}

/**
 * What the report shown is not: whole after a restart of the background
 * (with a new scan offered), kept in full should the background stop, or
 * read to the end. Nothing when it is all of these.
 */
function ReportNotice({ report, scan, onScan }: { report: TabReport; scan: ScanState; onScan: () => void }) {
  const notes: { state: string; text: string }[] = [];
  const restored = report.restored;
  if (restored !== undefined) {
    if (lost(report)) {
      notes.push({ state: 'lost', text: t('popupReportLost') });
    } else if (report.allegations.length < restored.total) {
      notes.push({
        state: 'partial',
        text: t('popupReportPartial', report.allegations.length, restored.total),
      });
    }
    if (restored.interrupted) notes.push({ state: 'interrupted', text: t('popupReportInterrupted') });
  } else if (report.stored?.failed === true) {
    notes.push({ state: 'refused', text: t('popupReportRefused') });
  } else if (report.stored !== undefined) {
    notes.push({
      state: 'not-kept',
      text: t('popupReportNotKept', report.stored.allegations, report.allegations.length),
    });
  }
  if (report.unread !== undefined && report.unread > 0) {
    notes.push({ state: 'unread', text: t('popupUnread', report.unread) });
  }
  if (notes.length === 0) return null;
  const rescan = restored !== undefined;
  return (
    <div class="report-notice" data-state={notes.map((n) => n.state).join(' ')}>
      {notes.map((n) => (
        <p key={n.state} role={rescan ? 'alert' : 'note'}>
          {n.text}
        </p>
      ))}
      {rescan ? (
        <button type="button" class="primary" onClick={onScan} aria-disabled={scan.kind === 'running'}>
          {t('popupScanAgain')}
        </button>
      ) : null}
      {scan.kind === 'failed' ? (
        <p role="alert" class="error">
          {t('popupScanFailed', scan.message)}
        </p>
      ) : null}
    </div>
  );
}

function NotScanned({ scan, onScan }: { scan: ScanState; onScan: () => void }) {
  return (
    <div class="not-scanned">
      <p role="status" class="empty" data-count="0" data-state="not-scanned">
        {scan.kind === 'running' || scan.kind === 'started' ? t('popupScanning') : t('popupNotScanned')}
      </p>
      <button type="button" class="primary" onClick={onScan} aria-disabled={scan.kind === 'running'}>
        {t('popupScanThisPage')}
      </button>
      {scan.kind === 'failed' ? (
        <p role="alert" class="error">
          {t('popupScanFailed', scan.message)}
        </p>
      ) : null}
    </div>
  );
}

function Report({ report, onReveal }: { report: TabReport; onReveal: (index: number) => Promise<boolean> }) {
  const groups = useMemo(() => groupByAccused(report.allegations), [report]);
  const n = report.allegations.length;
  return (
    <>
      <p
        role="status"
        class="count"
        data-count={String(n)}
        data-state={n === 0 ? 'empty' : 'report'}
        data-matching={report.matching === true ? 'true' : undefined}
      >
        {countLabel(n)}
      </p>
      <AllegationGroups groups={groups} onReveal={onReveal} matching={report.matching === true} />
    </>
  );
}
