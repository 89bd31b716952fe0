import { mountLibrary } from '@src/ui/library';

const root = document.getElementById('app');
if (root) mountLibrary(root);
