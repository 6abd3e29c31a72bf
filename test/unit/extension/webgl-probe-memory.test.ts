import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  session: {} as Record<string, unknown>,
  sent: [] as unknown[],
}));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { sendMessage: async (message: unknown) => void fake.sent.push(message) },
    storage: {
      session: {
        get: async (key: string) => (key in fake.session ? { [key]: fake.session[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(fake.session, items),
      },
    },
  },
}));

const { rememberedWebglProbeParam, rememberWebglProbe, reportWebglProbe } = await import('../../../src/extension/webgl-probe-memory');
const { parseRememberedWebglProbe, WEBGL_PROBE_PARAM } = await import('../../../src/engine/backend-choice');

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';
const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)';
/** What the offscreen document reads back from the URL the background gives it. */
const readBack = (param: string) => parseRememberedWebglProbe(new URLSearchParams(param.slice(1)).get(WEBGL_PROBE_PARAM));

describe('the WebGL probe remembered for the session', () => {
  beforeEach(() => {
    fake.session = {};
    fake.sent = [];
  });

  it('goes from the engine through the background into the next engine’s URL', async () => {
    reportWebglProbe(SWIFTSHADER);
    expect(fake.sent).toEqual([{ type: 'webgl-probed', renderer: SWIFTSHADER }]);
    await rememberWebglProbe(SWIFTSHADER);
    expect(readBack(await rememberedWebglProbeParam())).toEqual({ renderer: SWIFTSHADER });
    await rememberWebglProbe(null);
    expect(readBack(await rememberedWebglProbeParam())).toEqual({ renderer: null });
  });

  it('neither reports nor remembers a GPU’s result: that engine probes every time', async () => {
    reportWebglProbe(GPU);
    await rememberWebglProbe(GPU);
    expect(fake.sent).toEqual([]);
    expect(await rememberedWebglProbeParam()).toBe('');
  });

  it('validates what it reads: nothing remembered, or anything else in its place, means probe again', async () => {
    expect(await rememberedWebglProbeParam()).toBe('');
    for (const stored of [GPU, { renderer: GPU }, { renderer: 7 }, { renderer: 'x'.repeat(1000) }, null, 'null', {}]) {
      fake.session = { webglProbe: stored };
      expect(await rememberedWebglProbeParam()).toBe('');
    }
  });
});
