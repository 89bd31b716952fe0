import { t } from '@src/i18n';
import { useRef, useState } from 'preact/hooks';
import { type SiteAccess, type SiteState, siteEnabled, switchSite } from '../popup/site';

interface Props {
  state: SiteState;
  access: SiteAccess;
  onChange: (state: SiteState) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Counterpoint on <site>": a labelled switch, with one line saying what it does. */
export function SiteSwitch({ state, access, onChange }: Props) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  const busy = useRef(false);
  const on = siteEnabled(state);

  const toggle = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const wanted = input.checked;
    if (busy.current) {
      input.checked = pending ?? on;
      return;
    }
    // First thing in the handler, before any await: a permission request
    // needs the click's user gesture.
    const result = switchSite(state, wanted, access);
    busy.current = true;
    setPending(wanted);
    setMessage('');
    result
      .then(
        (outcome) => {
          if (outcome.ok) onChange(outcome.state);
          else setMessage(t('popupSitePermissionDenied'));
        },
        (error: unknown) => setMessage(t('popupSiteSwitchFailed', errorText(error))),
      )
      .finally(() => {
        busy.current = false;
        setPending(null);
      });
  };

  const checked = pending ?? on;
  return (
    <div class="site-switch">
      <div class="switch-row">
        <input
          id="site-switch"
          class="switch"
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          aria-describedby="site-switch-hint"
          onChange={toggle}
        />
        <label for="site-switch">{t('popupSiteSwitch', state.site)}</label>
      </div>
      <p id="site-switch-hint" class="hint">
        {t('popupSiteSwitchHint')}
      </p>
      <p class="note" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
