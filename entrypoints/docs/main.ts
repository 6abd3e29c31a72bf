import help from '@/docs/help.md?raw';
import privacy from '@/docs/privacy.md?raw';
import { docPage, renderDocPage } from '@/src/ui/doc-pages';

const page = docPage(new URLSearchParams(location.search).get('page'));
const main = document.getElementById('doc')!;
main.innerHTML = renderDocPage({ privacy, help }, page);
document.title = `FaceReady — ${main.querySelector('h1')?.textContent ?? page}`;
