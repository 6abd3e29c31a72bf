/** Reads a file shipped in the extension, failing with the file's URL and the reason. */
export async function fetchAsset(url: string, as: 'text'): Promise<string>;
export async function fetchAsset(url: string, as: 'json'): Promise<unknown>;
export async function fetchAsset(url: string, as: 'text' | 'json'): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  try {
    return as === 'json' ? await response.json() : await response.text();
  } catch {
    throw new Error(`Could not read ${url}: not valid ${as === 'json' ? 'JSON' : 'text'}`);
  }
}
