import { installCameraTap } from '@/src/capture/camera-tap';
import { LOCAL_MATCHES } from '@/src/extension/site-matches';

export default defineContentScript({
  matches: [...LOCAL_MATCHES],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installCameraTap(window);
  },
});
