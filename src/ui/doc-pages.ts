/**
 * The documents FaceReady shows inside the extension (privacy statement, help): the repository's own
 * Markdown, bundled at build time and rendered to HTML, so the page and docs/ never disagree. Only
 * these bundled, trusted texts are rendered; the page name from the URL only picks one of them.
 */
import { marked } from 'marked';
import help from '../../docs/help.md?raw';
import privacy from '../../docs/privacy.md?raw';

import type { DocPage } from './doc-page-path';

export const DOC_PAGES: Readonly<Record<DocPage, string>> = { privacy, help };

/** The page a `?page=` value names; the help page for anything else. */
export function docPage(requested: string | null): DocPage {
  return requested !== null && Object.hasOwn(DOC_PAGES, requested) ? (requested as DocPage) : 'help';
}

export function renderDocPage(page: DocPage): string {
  return marked.parse(DOC_PAGES[page], { async: false });
}
