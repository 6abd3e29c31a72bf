/**
 * The documents FaceReady shows inside the extension (privacy statement, help): the repository's own
 * Markdown (docs/), which the docs entrypoint bundles at build time, rendered to HTML, so the page and
 * docs/ never disagree. Only these bundled, trusted texts are rendered; the page name from the URL only
 * picks one of them.
 */
import { marked } from 'marked';
import { DOC_PAGE_NAMES, type DocPage } from './doc-page-path';

/** The page a `?page=` value names; the help page for anything else. */
export function docPage(requested: string | null): DocPage {
  return requested !== null && (DOC_PAGE_NAMES as readonly string[]).includes(requested) ? (requested as DocPage) : 'help';
}

export function renderDocPage(markdown: Readonly<Record<DocPage, string>>, page: DocPage): string {
  return marked.parse(markdown[page], { async: false });
}
