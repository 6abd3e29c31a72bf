import { installVideoTap } from '@/src/capture/video-tap';
import { LOCAL_MATCHES } from '@/src/extension/site-matches';

export default defineContentScript({
  matches: [...LOCAL_MATCHES],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installVideoTap(window);
  },
});
