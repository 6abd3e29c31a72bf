/**
 * A page that removes FaceReady's panel (a single-page app re-rendering <body>, or one that fights
 * back) gets it back: when the panel's host element leaves <body> — removed, or moved into a container
 * the page hides — it is appended to <body> again. Moving the host keeps its shadow root, the rendered
 * panel and its state.
 */
export function keepAttached(host: HTMLElement, doc: Document = host.ownerDocument): () => void {
  const reattach = () => {
    if (doc.body && host.parentNode !== doc.body) doc.body.append(host);
  };
  const observer = new MutationObserver(reattach);
  // The whole document: the host may go with a removed <body>, or with a subtree it was moved into.
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
