import { t, uiLanguage } from '@src/i18n';
import { render } from 'preact';
import { browserOptionsApi } from './api';
import { Options } from './Options';
import './options.css';

export function mountOptions(root: HTMLElement): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('optionsTitle');
  render(<Options api={browserOptionsApi()} />, root);
}
