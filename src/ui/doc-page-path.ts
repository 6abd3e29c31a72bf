/** The documents FaceReady shows in its docs page (./doc-pages.ts), and their addresses inside the extension. */
export const DOC_PAGE_NAMES = ['privacy', 'help'] as const;
export type DocPage = (typeof DOC_PAGE_NAMES)[number];

/** The extension-relative path of a document page. */
export const docPagePath = (page: DocPage) => `/docs.html?page=${page}` as const;
