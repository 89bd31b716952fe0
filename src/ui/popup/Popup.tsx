import type { TabReport } from '@src/messaging/protocol';
import { useEffect, useState } from 'preact/hooks';
import { AllegationList } from '../components/AllegationList';
import { countLabel } from '../format';

export type ReportLoader = () => Promise<TabReport | null>;

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: TabReport | null };

export function Popup({ load }: { load: ReportLoader }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    load().then(
      (report) => live && setState({ kind: 'ready', report }),
      (error: unknown) => live && setState({ kind: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);

  return (
    <main class="popup" aria-labelledby="popup-title" aria-busy={state.kind === 'loading'}>
      <h1 id="popup-title">Counterpoint</h1>
      <PopupBody state={state} />
    </main>
  );
}

function PopupBody({ state }: { state: State }) {
  switch (state.kind) {
    case 'loading':
      return <p role="status">Loading…</p>;
    case 'error':
      return (
        <p role="alert" class="error">
          Could not read this tab's report: {state.message}
        </p>
      );
    case 'ready': {
      if (state.report === null) {
        return (
          <p role="status" data-count="0">
            This page has not been scanned.
          </p>
        );
      }
      const n = state.report.allegations.length;
      return (
        <>
          <p role="status" class="count" data-count={String(n)}>
            {countLabel(n)}
          </p>
          <AllegationList allegations={state.report.allegations} />
        </>
      );
    }
  }
}
