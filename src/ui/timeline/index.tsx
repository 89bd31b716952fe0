import { t, uiLanguage } from '@src/i18n';
import { incidentName, LoadedTimeline, type TimelineLoader } from '@src/ui/components/IncidentTimeline';
import { loadTimeline } from '@src/ui/components/timeline-loader';
import { render } from 'preact';
import { useCallback } from 'preact/hooks';
import './timeline-page.css';

/** `timeline.html?pack=…&id=…[&date=YYYY-MM-DD]`: one incident's timeline, on a page of its own. */
export function TimelinePage({ search, load }: { search: string; load: TimelineLoader }) {
  const params = new URLSearchParams(search);
  const pack = params.get('pack') ?? '';
  const id = params.get('id') ?? '';
  const date = params.get('date') ?? undefined;
  // The page's title follows the incident once it is known.
  const titled = useCallback<TimelineLoader>(
    async (p, i) => {
      const timeline = await load(p, i);
      if (timeline !== null) document.title = t('incidentTimelineOf', incidentName(timeline.incident));
      return timeline;
    },
    [load],
  );
  return (
    <main class="timeline-page">
      {pack === '' || id === '' ? (
        <p class="timeline-status">{t('incidentNotFound')}</p>
      ) : (
        <LoadedTimeline
          pack={pack}
          id={id}
          load={titled}
          level={1}
          {...(date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { here: { date } } : {})}
        />
      )}
    </main>
  );
}

export function mountTimeline(root: HTMLElement): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('incidentTimeline');
  render(<TimelinePage search={location.search} load={loadTimeline} />, root);
}
