import { mountTimeline } from '@src/ui/timeline';

const root = document.getElementById('app');
if (root) mountTimeline(root);
