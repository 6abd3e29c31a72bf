import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake extension: session storage, the open tabs of enabled sites, and script injection that records its tabs.
const fake = vi.hoisted(() => ({ session: {} as Record<string, unknown>, tabs: [] as { id?: number }[], injected: [] as number[], log: [] as string[] }));
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string) => ({ [key]: fake.session[key] }),
        set: async (values: Record<string, unknown>) => void Object.assign(fake.session, values),
      },
    },
    tabs: { query: async () => fake.tabs },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        fake.injected.push(target.tabId);
        fake.log.push(`inject ${target.tabId}`);
      },
    },
  },
}));
vi.mock('../../../src/extension/settings', () => ({ enabledOrigins: { getValue: async () => [] } }));
const { siteCovered, reconnectOpenPages } = await import('../../../src/extension/site-enabled');

describe('siteCovered', () => {
  it('keeps the local demo on always, and another site only while it is enabled (any port of its host)', () => {
    expect(siteCovered('http://localhost:5174', [])).toBe(true);
    expect(siteCovered('https://clinic.example', ['https://clinic.example'])).toBe(true);
    expect(siteCovered('https://clinic.example:8443', ['https://clinic.example'])).toBe(true);
    expect(siteCovered('https://clinic.example', ['https://other.example'])).toBe(false);
    expect(siteCovered('https://clinic.example', [])).toBe(false);
    expect(siteCovered('file:///tmp/page.html', ['https://clinic.example'])).toBe(false);
  });
});

describe('reconnectOpenPages', () => {
  beforeEach(() => {
    fake.session = {};
    fake.tabs = [];
    fake.injected = [];
    fake.log = [];
  });

  it('starts the engine before the overlays are injected into open pages (it is loading when they ask), once per extension instance', async () => {
    fake.tabs = [{ id: 1 }, { id: 2 }, {}];
    const startEngine = vi.fn(async () => void fake.log.push('engine'));
    await reconnectOpenPages(startEngine);
    expect(fake.log[0]).toBe('engine');
    expect(fake.injected).toEqual([1, 2]);
    await reconnectOpenPages(startEngine);
    expect(startEngine).toHaveBeenCalledTimes(1);
    expect(fake.injected).toEqual([1, 2]);
  });

  it('injects the overlays even when the engine fails to start (each overlay then hears why)', async () => {
    fake.tabs = [{ id: 3 }];
    await reconnectOpenPages(async () => Promise.reject(new Error('offscreen document could not be created')));
    expect(fake.injected).toEqual([3]);
  });

  it('starts no engine when no page of an enabled site is open', async () => {
    const startEngine = vi.fn(async () => undefined);
    await reconnectOpenPages(startEngine);
    expect(startEngine).not.toHaveBeenCalled();
  });
});
