import { docPage, renderDocPage } from '@/src/ui/doc-pages';

const page = docPage(new URLSearchParams(location.search).get('page'));
const main = document.getElementById('doc')!;
main.innerHTML = renderDocPage(page);
document.title = `FaceReady — ${main.querySelector('h1')?.textContent ?? page}`;
