import { mountPopup } from '@src/ui/popup';

const root = document.getElementById('app');
if (root) mountPopup(root);
