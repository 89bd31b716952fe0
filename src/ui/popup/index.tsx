import { uiLanguage } from '@src/i18n';
import { render } from 'preact';
import { browserEnv } from './env';
import { Popup } from './Popup';
import './popup.css';

export function mountPopup(root: HTMLElement): void {
  document.documentElement.lang = uiLanguage();
  render(<Popup env={browserEnv(location.search)} />, root);
}
