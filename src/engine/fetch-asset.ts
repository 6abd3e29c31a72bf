import { errorText } from '../error-text';

/** Reads a file shipped in the extension, failing (never hanging past `timeoutMs`) with the file's URL and the reason. */
export const ASSET_TIMEOUT_MS = 30_000;

export async function fetchAsset(url: string, as: 'text', timeoutMs?: number): Promise<string>;
export async function fetchAsset(url: string, as: 'json', timeoutMs?: number): Promise<unknown>;
export async function fetchAsset(url: string, as: 'text' | 'json', timeoutMs = ASSET_TIMEOUT_MS): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new Error(`Could not load ${url}: ${signal.aborted ? `timed out after ${timeoutMs} ms` : errorText(error)}`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  try {
    return as === 'json' ? await response.json() : await response.text();
  } catch {
    throw new Error(`Could not read ${url}: ${signal.aborted ? `timed out after ${timeoutMs} ms` : `not valid ${as === 'json' ? 'JSON' : 'text'}`}`);
  }
}
