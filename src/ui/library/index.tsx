import { t, uiLanguage } from '@src/i18n';
import { render } from 'preact';
import { browserLibraryApi } from './api';
import { Library } from './Library';
import './library.css';

export function mountLibrary(root: HTMLElement): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('libraryTitle');
  render(<Library api={browserLibraryApi()} />, root);
}
