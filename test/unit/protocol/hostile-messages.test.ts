/**
 * Property tests of every message validator against what a hostile page (or a renderer it has
 * compromised) can post: huge strings, NaN and ±Infinity, negative sizes, prototype tricks, extra
 * keys, and arbitrary junk. Each validator is exercised from a valid example of each of its
 * message kinds, mutated one field at a time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, ProtocolError, type Check } from '../../../src/protocol/check';
import { encodeExplanation, explanationWire } from '../../../src/protocol/explanation-wire';
import { backgroundRequest, engineEvent, engineRequest, overlayToTap, TAP_CHANNEL, TAP_LIMITS, tapMessage } from '../../../src/protocol/messages';
import { validAnalysis as analysis, validWireFrame } from './wire-fixtures';

/** Node has no ImageBitmap: the tap's frames carry an instance of this stand-in. */
class FakeImageBitmap {
  constructor(
    readonly width = 64,
    readonly height = 48,
  ) {}
  close() {}
}
beforeAll(() => vi.stubGlobal('ImageBitmap', FakeImageBitmap));

const FOUR_MB = 'x'.repeat(4 * 1024 * 1024);
/** Longer than any field's cap, the largest frame payload included. */
const OVER_EVERY_CAP = 'x'.repeat(6 * 1024 * 1024);

const source = { id: 'remote:t1', kind: 'remote', ordinal: 1, detail: 'Participant', unreadable: null };
const image = { width: 2, height: 1, data: new Uint8ClampedArray(8) };
const explanation = JSON.parse(
  JSON.stringify(encodeExplanation({ frame: image, gradcam: { target: 0, probabilities: [1], raw: { width: 1, height: 1, values: new Float32Array(1) }, map: { width: 1, height: 1, values: new Float32Array(1) } } })),
);

/** A valid example of every kind of message each validator receives. */
const VALID: { name: string; check: Check<unknown>; examples: () => unknown[] }[] = [
  {
    name: 'tap → overlay',
    check: tapMessage,
    examples: () => [
      { channel: TAP_CHANNEL, type: 'frame', streamId: 'camera:t1', capturedAt: 1000.5, grabMs: 1.2, bitmap: new FakeImageBitmap() },
      { channel: TAP_CHANNEL, type: 'sources', sources: [source, { ...source, id: 'video:1', kind: 'video', unreadable: 'cross-origin' }], sampledId: 'remote:t1' },
      { channel: TAP_CHANNEL, type: 'camera-started', streamId: 'camera:t1', label: 'FaceTime HD', kind: 'camera' },
      { channel: TAP_CHANNEL, type: 'camera-ended', streamId: 'camera:t1', liveStreams: 0 },
      { channel: TAP_CHANNEL, type: 'tap-error', code: 'grab-failed' },
      { channel: TAP_CHANNEL, type: 'camera-error', code: 'denied' },
    ],
  },
  {
    name: 'overlay → tap',
    check: overlayToTap,
    examples: () => [
      { channel: 'faceready/overlay', type: 'configure', fps: 5, maxSide: 640, prefer: 'camera' },
      { channel: 'faceready/overlay', type: 'select-source', sourceId: 'remote:t1' },
    ],
  },
  {
    name: 'overlay → engine',
    check: engineRequest,
    examples: () => [
      { type: 'analyze', frame: validWireFrame },
      { type: 'explain', requestId: 3, method: 'combined', limeMode: 'fast', limeSamples: 1000 },
      { type: 'cancel-explain', requestId: 3 },
    ],
  },
  {
    name: 'engine → overlay',
    check: engineEvent,
    examples: () => [
      { type: 'engine-state', state: { state: 'ready', backend: 'wasm' } },
      { type: 'engine-state', state: { state: 'error', error: 'model file failed to load' } },
      { type: 'analysis', analysis },
      { type: 'analysis-error', frameId: 1, error: 'Frame is not a decodable JPEG' },
      { type: 'explain-started', requestId: 1, frame: explanation.frame },
      { type: 'explain-progress', requestId: 1, method: 'lime', stage: 'sample', fraction: 0.5 },
      { type: 'explain-partial', requestId: 1, explanation: { frame: explanation.frame, gradcam: explanation.gradcam } },
      { type: 'explanation', requestId: 1, explanation, predicted: { name: 'good', probability: 0.9 }, ms: 12 },
      { type: 'explain-error', requestId: 1, error: 'cancelled', cancelled: true },
    ],
  },
  {
    name: '→ background',
    check: backgroundRequest,
    examples: () => [
      { type: 'ensure-engine' },
      { type: 'set-site-enabled', origin: 'https://clinic.example', enabled: true },
      { type: 'webgl-probed', renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' },
      { type: 'webgl-probed', renderer: null },
    ],
  },
  { name: 'explanation payload', check: explanationWire, examples: () => [explanation] },
];
const EXAMPLES = VALID.flatMap(({ name, check, examples }) => examples().map((example) => ({ name: `${name} ${(example as { type?: string }).type ?? ''}`, check, example })));

type Path = (string | number)[];
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Every leaf (a primitive, or an object the structured clone keeps as is) and every plain object or array, by path. */
function paths(value: unknown, prefix: Path = []): { leaves: Path[]; containers: Path[] } {
  if (Array.isArray(value) || isPlainObject(value)) {
    const inner = Object.entries(value).map(([key, item]) => paths(item, [...prefix, Array.isArray(value) ? Number(key) : key]));
    return { leaves: inner.flatMap((p) => p.leaves), containers: [prefix, ...inner.flatMap((p) => p.containers)] };
  }
  return { leaves: [prefix], containers: [] };
}

/** A copy of `value` (the fake bitmap kept as it is) with the value at `path` replaced. */
function withAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string | number, unknown>)[head] = withAt((value as Record<string | number, unknown>)[head], rest, replace);
  return copy;
}

/** Runs a validator as a receiver does: it either returns a value or throws a ProtocolError, nothing else. */
function receive(check: Check<unknown>, value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parse(check, value, 'message') };
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return { ok: false };
  }
}

/** What no field of any message accepts. */
const ALWAYS_REJECTED = [NaN, Infinity, -Infinity, OVER_EVERY_CAP, () => 'function', Symbol('page'), 10n] as const;
/** Prototype tricks and other hostile values; a field may accept some of them, but what comes back is plain. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(...ALWAYS_REJECTED, -1, -0, -1e308, 1e308, 2 ** 53 + 1, 0.5, '', FOUR_MB, null, undefined, true, [], {}),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"type": "analyze", "polluted": true}}'),
    Object.create({ type: 'set-site-enabled', origin: 'https://evil.example', enabled: true }),
    { constructor: { prototype: { polluted: true } } },
    Object.assign([], { length: 0, polluted: true }),
    new Array(2 ** 31 - 1),
  ),
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true }),
);

/** Keys a hostile sender adds: junk, and the names of prototype machinery. */
const extraKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'));

/** How many non-finite numbers `value` holds, at any depth. */
function nonFiniteNumbers(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : 1;
  if (Array.isArray(value) || isPlainObject(value)) return Object.values(value).reduce<number>((n, item) => n + nonFiniteNumbers(item), 0);
  return 0;
}

describe('every validator, against hostile values', () => {
  it.each(EXAMPLES)('$name: a valid message comes back equal, as a fresh copy', ({ check, example }) => {
    const received = receive(check, example);
    expect(received).toEqual({ ok: true, value: example });
    if (received.ok) expect(received.value).not.toBe(example);
  });

  it('drops every extra key, at any depth, prototype names included, without touching Object.prototype', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), extraKey, fc.anything(), ({ check, example }, pick, key, extra) => {
        const { containers } = paths(example);
        const objects = containers.filter((path) => !Array.isArray(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example)));
        const target = objects[pick % objects.length];
        // defineProperty, so that "__proto__" becomes an own key as JSON.parse or a structured clone would make it.
        const hostile = withAt(example, target, (old) => Object.defineProperty({ ...(old as object) }, key, { value: extra, enumerable: true, configurable: true, writable: true }));
        expect(receive(check, hostile)).toEqual({ ok: true, value: example });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('rejects NaN, ±Infinity, strings over every cap, functions, symbols and bigints in any field', () => {
    for (const { name, check, example } of EXAMPLES) {
      for (const path of paths(example).leaves) {
        for (const hostile of ALWAYS_REJECTED) {
          const problem = check(withAt(example, path, () => hostile));
          expect(problem, `${name} at ${path.join('.')}`).not.toBeNull();
        }
      }
    }
  });

  it('accepts any one hostile field only as a value that passes again unchanged and carries no non-finite number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), hostileValue, ({ check, example }, pick, hostile) => {
        const { leaves, containers } = paths(example);
        const all = [...leaves, ...containers.filter((p) => p.length > 0)];
        const received = receive(check, withAt(example, all[pick % all.length], () => hostile));
        if (!received.ok) return;
        expect(receive(check, received.value)).toEqual(received);
        expect(nonFiniteNumbers(received.value)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never calls a getter: a field that is an accessor (one that throws, or that changes between reads) is refused at any depth', () => {
    for (const { name, check, example } of EXAMPLES) {
      const { leaves, containers } = paths(example);
      for (const path of [...leaves, ...containers].filter((p) => p.length > 0)) {
        const parent = path.slice(0, -1);
        const key = path.at(-1)!;
        for (const getter of [
          () => {
            throw new Error('page code ran');
          },
          // The valid value for the first read, junk after: a check that read twice would pass junk on.
          (() => {
            let reads = 0;
            const valid = parent.concat(key).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example);
            return () => (reads++ === 0 ? valid : OVER_EVERY_CAP);
          })(),
        ]) {
          const calls = vi.fn(getter);
          const hostile = withAt(example, parent, (old) => Object.defineProperty(Array.isArray(old) ? [...old] : { ...(old as object) }, key, { get: calls, enumerable: true, configurable: true }));
          expect(receive(check, hostile), `${name} at ${path.join('.')}`).toEqual({ ok: false });
          expect(calls, `${name} at ${path.join('.')}`).not.toHaveBeenCalled();
        }
      }
    }
  });

  it('never throws anything but a ProtocolError on arbitrary junk, and rejects it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), hostileValue, fc.option(fc.constantFrom('frame', 'sources', 'tap-error', 'analyze', 'set-site-enabled')), (validator, junk, type) => {
        const value = type && isPlainObject(junk) ? { ...junk, channel: TAP_CHANNEL, type } : junk;
        expect(receive(validator.check, value).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the page-supplied fields of tap messages', () => {
  const tapExamples = EXAMPLES.filter(({ check }) => check === tapMessage || check === overlayToTap);

  it('refuse a 4 MB string in every string field', () => {
    let stringFields = 0;
    for (const { name, check, example } of tapExamples) {
      for (const path of paths(example).leaves) {
        const old = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example);
        if (typeof old !== 'string') continue;
        stringFields++;
        expect(check(withAt(example, path, () => FOUR_MB)), `${name} at ${path.join('.')}`).toMatch(/characters, at most \d+ allowed|must be one of|not a known message type/);
      }
    }
    expect(stringFields).toBeGreaterThanOrEqual(20);
  });

  it('refuse negative sizes, counts and times, and fractional counts', () => {
    const message = (type: string, fields: object) => ({ channel: TAP_CHANNEL, type, ...fields });
    expect(tapMessage(message('camera-ended', { streamId: 's', liveStreams: -1 }))).toMatch(/liveStreams must be an integer in 0–/);
    expect(tapMessage(message('camera-ended', { streamId: 's', liveStreams: 1.5 }))).toMatch(/liveStreams must be an integer/);
    expect(tapMessage(message('frame', { streamId: 's', capturedAt: -5, grabMs: 1, bitmap: new FakeImageBitmap() }))).toMatch(/capturedAt must be a number in 0–/);
    expect(tapMessage(message('frame', { streamId: 's', capturedAt: 5, grabMs: 1, bitmap: { width: 4096, height: 4096 } }))).toMatch(/bitmap must be an ImageBitmap/);
    // A real bitmap larger than the tap ever samples (the flood's 4096²), or empty, is refused before it is encoded or kept.
    for (const [width, height] of [[4096, 4096], [1025, 1], [1, 1025], [0, 48], [64, 0]]) {
      expect(tapMessage(message('frame', { streamId: 's', capturedAt: 5, grabMs: 1, bitmap: new FakeImageBitmap(width, height) }))).toMatch(/bitmap must be an ImageBitmap of 1–1024 px a side/);
    }
    expect(parse(tapMessage, message('frame', { streamId: 's', capturedAt: 5, grabMs: 1, bitmap: new FakeImageBitmap(1024, 1024) }), 'm')).toMatchObject({ bitmap: { width: 1024 } });
    expect(tapMessage(message('sources', { sources: [{ ...source, ordinal: 0 }], sampledId: null }))).toMatch(/ordinal must be an integer in 1–/);
    expect(overlayToTap({ channel: 'faceready/overlay', type: 'configure', fps: 5, maxSide: -640, prefer: 'camera' })).toMatch(/maxSide must be an integer in 1–1024/);
    expect(overlayToTap({ channel: 'faceready/overlay', type: 'configure', fps: 1e9, maxSide: 640, prefer: 'camera' })).toMatch(/fps must be a number in 0.1–60/);
  });

  it('carry a tap error as a code from a fixed list, never as text', () => {
    expect(tapMessage({ channel: TAP_CHANNEL, type: 'tap-error', code: 'Call +1-555-0100' })).toMatch(/code must be one of "play-failed", "grab-failed", "tap-failed", got a string/);
    expect(parse(tapMessage, { channel: TAP_CHANNEL, type: 'tap-error', code: 'tap-failed', error: 'Your session expired: call +1-555-0100' }, 'm')).toEqual({ channel: TAP_CHANNEL, type: 'tap-error', code: 'tap-failed' });
    expect(tapMessage({ channel: TAP_CHANNEL, type: 'camera-error', code: 'Camera blocked: call +1-555-0100' })).toMatch(/code must be one of "denied", "missing", "busy", "failed"/);
    expect(parse(tapMessage, { channel: TAP_CHANNEL, type: 'camera-error', code: 'busy', message: 'call +1-555-0100' }, 'm')).toEqual({ channel: TAP_CHANNEL, type: 'camera-error', code: 'busy' });
  });

  it('cap ids and labels at the lengths the tap shortens to', () => {
    const id = 'i'.repeat(TAP_LIMITS.idLength);
    const detail = 'd'.repeat(TAP_LIMITS.detailLength);
    expect(tapMessage({ channel: TAP_CHANNEL, type: 'camera-started', streamId: id, label: detail, kind: 'camera' })).toBeNull();
    expect(tapMessage({ channel: TAP_CHANNEL, type: 'camera-started', streamId: `${id}x`, label: detail, kind: 'camera' })).toMatch(/streamId has 161 characters/);
    expect(tapMessage({ channel: TAP_CHANNEL, type: 'camera-started', streamId: id, label: `${detail}x`, kind: 'camera' })).toMatch(/label has 301 characters/);
  });
});
