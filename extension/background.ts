import { startBackground } from '@/background/main';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
