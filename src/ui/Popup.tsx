import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { enabledOrigins, samplingFps } from '../extension/settings';
import { LOCAL_MATCHES, originMatchPattern } from '../extension/site-matches';
import type { BackgroundReply } from '../protocol/messages';

type SiteState = { kind: 'unsupported' } | { kind: 'local'; origin: string } | { kind: 'site'; origin: string; enabled: boolean };

async function currentSite(): Promise<SiteState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const origin = tab?.url ? new URL(tab.url).origin : '';
  const pattern = originMatchPattern(origin);
  if (!pattern) return { kind: 'unsupported' };
  if ((LOCAL_MATCHES as readonly string[]).includes(pattern)) return { kind: 'local', origin };
  return { kind: 'site', origin, enabled: (await enabledOrigins.getValue()).includes(origin) };
}

/** Popup: turn FaceReady on or off for the current site, and set the sampling rate. */
export function Popup() {
  const [site, setSite] = useState<SiteState | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void currentSite().then(setSite);
    void samplingFps.getValue().then(setFps);
  }, []);

  async function toggle(origin: string, enable: boolean) {
    const pattern = originMatchPattern(origin)!;
    // The permission prompt must come straight from this click; the background only registers scripts.
    if (enable && !(await browser.permissions.request({ origins: [pattern] }))) {
      setMessage('Permission was not granted, so FaceReady stays off on this site.');
      return;
    }
    const reply = (await browser.runtime.sendMessage({ type: 'set-site-enabled', origin, enabled: enable })) as BackgroundReply;
    if (!reply.ok) return setMessage(`Could not update this site: ${reply.error}`);
    if (!enable) await browser.permissions.remove({ origins: [pattern] });
    setSite({ kind: 'site', origin, enabled: enable });
    setMessage(enable ? 'Enabled. Reload the page to start.' : 'Disabled. Reload the page to stop.');
  }

  return (
    <main>
      <h1>FaceReady</h1>
      {site?.kind === 'unsupported' && <p>FaceReady works on web pages (http or https).</p>}
      {site?.kind === 'local' && <p>Always on for local pages ({site.origin}).</p>}
      {site?.kind === 'site' && (
        <p>
          <button type="button" onClick={() => toggle(site.origin, !site.enabled)}>
            {site.enabled ? `Turn off on ${site.origin}` : `Turn on for ${site.origin}`}
          </button>
        </p>
      )}
      {fps !== null && (
        <label>
          Frames analysed per second{' '}
          <input
            type="number"
            min={1}
            max={15}
            value={fps}
            onChange={(e) => {
              const value = Math.min(15, Math.max(1, Number((e.target as HTMLInputElement).value) || 5));
              setFps(value);
              void samplingFps.setValue(value);
            }}
          />
        </label>
      )}
      <p role="status">{message}</p>
    </main>
  );
}
