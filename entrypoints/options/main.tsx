import { mountOptions } from '@src/ui/options';

const root = document.getElementById('app');
if (root) mountOptions(root);
