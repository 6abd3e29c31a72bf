/**
 * Where FaceReady's content scripts run: sites the user or an administrator enabled (the user grants
 * the optional host permission). Development and test builds (`npm run dev`, `npm run build:test`)
 * also run on local pages, for the demo and the end-to-end tests; a production build does not, so no
 * local web app on a clinic's machines gets the camera tap unless someone enables it.
 */
export const LOCAL_PAGES_BUILT_IN = import.meta.env.MODE !== 'production';
export const LOCAL_MATCHES: readonly string[] = LOCAL_PAGES_BUILT_IN ? ['http://localhost/*', 'http://127.0.0.1/*'] : [];

/** The match pattern covering one web origin, or null if it is not an http(s) origin. */
export function originMatchPattern(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) return null;
  // Match patterns carry no port; the host pattern covers every port of that host.
  return `${url.protocol}//${url.hostname}/*`;
}

export function contentScriptMatches(origins: readonly string[]): string[] {
  const patterns = new Set<string>(LOCAL_MATCHES);
  for (const origin of origins) {
    const pattern = originMatchPattern(origin);
    if (pattern) patterns.add(pattern);
  }
  return [...patterns];
}

/** The enabled origins whose host permission survives the removal of `removedPatterns` (any port of a removed host goes). */
export function originsStillPermitted(origins: readonly string[], removedPatterns: readonly string[]): string[] {
  const removed = new Set(removedPatterns);
  return origins.filter((origin) => !removed.has(originMatchPattern(origin) ?? ''));
}
