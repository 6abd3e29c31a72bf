/**
 * What a store asks of an extension archive, checked on the files of the zip `npm run zip` makes:
 * a valid MV3 manifest whose every referenced file is in the archive, localised strings for every
 * __MSG_ key, icons at the sizes the stores list, no access to local pages, no remote code, no
 * source maps or sources, and a size within FaceReady's budget. Pure: the caller reads the zip.
 */
export interface StorePackageLimits {
  /** The whole unpacked extension, bytes. */
  maxTotalBytes: number;
  /** Which store: the Chrome Web Store (default) or Firefox Add-ons (AMO). */
  browser?: 'chrome' | 'firefox';
}

export const STORE_ICON_SIZES = [16, 32, 48, 128] as const;
const LOCAL_PATTERNS = /^https?:\/\/(localhost|127\.0\.0\.1)\//;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const pngSize = (bytes: Uint8Array): { width: number; height: number } | null => {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every problem a store review would raise, in words; empty when the archive is fit to submit. */
export function storePackageProblems(files: ReadonlyMap<string, Uint8Array>, limits: StorePackageLimits): string[] {
  const problems: string[] = [];
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return ['manifest.json is missing'];
  let manifest: Record<string, any>;
  try {
    manifest = JSON.parse(text(manifestBytes));
  } catch (error) {
    return [`manifest.json is not JSON: ${(error as Error).message}`];
  }
  const need = (path: string, what: string) => files.has(path.replace(/^\//, '')) || problems.push(`${what} refers to ${path}, which is not in the archive`);

  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
  if (typeof manifest.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(manifest.version)) problems.push(`version "${manifest.version}" is not 1–4 dot-separated integers`);
  const firefox = limits.browser === 'firefox';
  for (const field of ['name', 'short_name', 'description', ...(firefox ? [] : ['minimum_chrome_version'])]) if (typeof manifest[field] !== 'string' || manifest[field] === '') problems.push(`${field} is missing`);
  // AMO: a fixed add-on ID, the oldest Firefox the APIs used exist in, and no Chrome-only permission.
  if (firefox) {
    const gecko = manifest.browser_specific_settings?.gecko;
    for (const field of ['id', 'strict_min_version']) if (typeof gecko?.[field] !== 'string' || gecko[field] === '') problems.push(`browser_specific_settings.gecko.${field} is missing`);
    if ((manifest.permissions ?? []).includes('offscreen')) problems.push('the Firefox package asks for "offscreen", which Firefox does not have');
  }
  if ('key' in manifest) problems.push('the manifest carries a "key" (stores assign their own)');

  // Localised strings: every __MSG_x__ in the manifest has a message in the default locale.
  const locale = manifest.default_locale;
  const messagesBytes = typeof locale === 'string' ? files.get(`_locales/${locale}/messages.json`) : undefined;
  const messages = messagesBytes ? (JSON.parse(text(messagesBytes)) as Record<string, unknown>) : {};
  if (locale && !messagesBytes) problems.push(`default_locale "${locale}" has no _locales/${locale}/messages.json`);
  for (const [, key] of text(manifestBytes).matchAll(/__MSG_(\w+)__/g)) if (!Object.hasOwn(messages, key)) problems.push(`__MSG_${key}__ has no message in the default locale`);

  // Icons: the store sizes, real PNGs of the size they claim.
  for (const size of STORE_ICON_SIZES) {
    const path = manifest.icons?.[String(size)];
    if (typeof path !== 'string') {
      problems.push(`no ${size}×${size} icon in "icons"`);
      continue;
    }
    const bytes = files.get(path);
    const actual = bytes && pngSize(bytes);
    if (!actual) problems.push(`icon ${path} is not a PNG in the archive`);
    else if (actual.width !== size || actual.height !== size) problems.push(`icon ${path} is ${actual.width}×${actual.height}, not ${size}×${size}`);
  }

  // Files the manifest names.
  if (manifest.background?.service_worker) need(manifest.background.service_worker, 'background.service_worker');
  for (const script of manifest.background?.scripts ?? []) need(script, 'background.scripts');
  if (manifest.action?.default_popup) need(manifest.action.default_popup, 'action.default_popup');
  // The toolbar button: its own icon and a tooltip (stores show an extension without them as unfinished).
  if (typeof manifest.action?.default_title !== 'string' || manifest.action.default_title === '') problems.push('action.default_title is missing');
  if (!manifest.action?.default_icon) problems.push('action.default_icon is missing');
  for (const path of Object.values<string>(manifest.action?.default_icon ?? {})) need(path, 'action.default_icon');
  if (manifest.options_ui?.page) need(manifest.options_ui.page, 'options_ui.page');
  if (manifest.storage?.managed_schema) need(manifest.storage.managed_schema, 'storage.managed_schema');
  for (const script of manifest.content_scripts ?? []) for (const js of script.js ?? []) need(js, 'content_scripts');

  // Least privilege: no local pages in a production package, no broad host permissions granted up front.
  for (const pattern of [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((s: { matches?: string[] }) => s.matches ?? [])])
    if (LOCAL_PATTERNS.test(pattern) || pattern === '<all_urls>' || /^\*?:\/\/\*\//.test(pattern) || /^https?:\/\/\*\/\*$/.test(pattern))
      problems.push(`the package asks for ${pattern} up front`);

  // No remote code: scripts load only from the package; CSP allows nothing remote.
  const csp = JSON.stringify(manifest.content_security_policy ?? {});
  if (/https?:|\*/.test(csp)) problems.push(`content_security_policy allows remote sources: ${csp}`);
  for (const [path, bytes] of files) {
    if (path.endsWith('.html') && /<script[^>]+src=["']?(https?:)?\/\//i.test(text(bytes))) problems.push(`${path} loads a remote script`);
    if (path.endsWith('.map')) problems.push(`${path}: source maps do not belong in the package`);
    if (/\.(ts|tsx)$/.test(path)) problems.push(`${path}: sources do not belong in the package`);
  }

  const total = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  if (total > limits.maxTotalBytes) problems.push(`the extension is ${(total / 1e6).toFixed(1)} MB, over its ${(limits.maxTotalBytes / 1e6).toFixed(1)} MB budget`);
  return problems;
}
