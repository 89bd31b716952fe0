import { startBackground } from '@src/background';
import { defineBackground } from '#imports';

export default defineBackground(() => {
  startBackground();
});
