import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayOf, DEFAULT_LIMITS, literal, nullable, num, numberIn, object, optional, parse, parseOrNull, ProtocolError, str, tagged, text, tuple } from '../../../src/protocol/check';

/** Text a hostile page would like to see echoed back in FaceReady's words. */
const PAGE_TEXT = 'Call +1-555-0100 to unlock FaceReady';

describe('numbers', () => {
  it('accept exactly the finite numbers within range, and only whole ones when asked', () => {
    const whole = numberIn(-5, 1000, { integer: true });
    const anyInRange = numberIn(-5, 1000);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -10, max: 2000 })), (v) => {
        const inRange = Number.isFinite(v) && v >= -5 && v <= 1000;
        expect(anyInRange(v) === null).toBe(inRange);
        expect(whole(v) === null).toBe(inRange && Number.isInteger(v));
      }),
    );
  });

  it('reject NaN, ±Infinity, numeric strings and boxed numbers', () => {
    for (const v of [NaN, Infinity, -Infinity, '1', new Number(1), 1n, null, undefined]) expect(num(v)).toMatch(/must be a finite number/);
    expect(num(-Number.MAX_VALUE)).toBeNull();
  });
});

describe('strings', () => {
  it('accept a string up to its cap and nothing longer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (v, cap) => {
        expect(text(cap)(v) === null).toBe(v.length <= cap);
      }),
    );
  });

  it('have a default cap, so a 4 MB string never passes a field that names none', () => {
    expect(str('x'.repeat(DEFAULT_LIMITS.stringLength))).toBeNull();
    expect(str('x'.repeat(4 * 1024 * 1024))).toBe(`value has ${4 * 1024 * 1024} characters, at most ${DEFAULT_LIMITS.stringLength} allowed`);
  });
});

describe('arrays and tuples', () => {
  it('refuse an over-long array from its length alone, even a sparse one of 2³¹ items', () => {
    const sparse = new Array(2 ** 31 - 1);
    const started = performance.now();
    expect(arrayOf(num, 10)(sparse)).toBe(`value has ${2 ** 31 - 1} items, at most 10 allowed`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(arrayOf(num)(new Array(DEFAULT_LIMITS.arrayLength + 1).fill(0))).toMatch(/at most 4096 allowed/);
  });

  it('treat holes as missing items and drop non-index properties', () => {
    expect(arrayOf(num, 3)([1, , 3])).toBe('value[1] must be a finite number, got undefined'); // eslint-disable-line no-sparse-arrays
    const tagged = Object.assign([1, 2], { extra: PAGE_TEXT });
    const copy = parse(arrayOf(num, 3), tagged, 'list');
    expect(copy).toEqual([1, 2]);
    expect(Object.keys(copy)).toEqual(['0', '1']);
    expect(copy).not.toBe(tagged);
    expect(parse(tuple(num, str), [1, 'a'], 'pair')).toEqual([1, 'a']);
    expect(tuple(num, num)([1, 2, 3])).toBe('value must be a tuple of 2, got an array of 3');
  });
});

describe('objects', () => {
  const shape = object({ type: literal('hello'), name: text(8), note: optional(str), size: nullable(num) });
  const valid = { type: 'hello', name: 'Ada', size: null };

  it('come back rebuilt from the known keys only', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (extra) => {
        const received = { ...extra, ...valid };
        const copy = parse(shape, received, 'message');
        expect(copy).toEqual(valid);
        expect(Object.keys(copy).sort()).toEqual(['name', 'size', 'type']);
      }),
    );
  });

  it('read own properties only: a prototype cannot supply a field, nor pollute Object.prototype', () => {
    expect(shape(Object.create(valid))).toBe('value.type must be one of "hello", got undefined');
    const viaJson = JSON.parse(`{"__proto__": {"type": "hello", "name": "Ada", "size": 1}, "constructor": {"prototype": {"polluted": true}}}`);
    expect(shape(viaJson)).toMatch(/value\.type must be one of/);
    const withProtoKey = JSON.parse(`{"type": "hello", "name": "Ada", "size": 1, "__proto__": {"polluted": true}}`);
    const copy = parse(shape, withProtoKey, 'message');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reject arrays, null and primitives where an object is expected', () => {
    for (const v of [null, [], 'object', 1, true, undefined]) expect(shape(v)).toMatch(/value must be an object/);
  });

  it('omit an absent optional field instead of keeping an undefined key', () => {
    expect(Object.hasOwn(parse(shape, { ...valid, note: undefined }, 'message'), 'note')).toBe(false);
    expect(parse(shape, { ...valid, note: 'n' }, 'message').note).toBe('n');
  });
});

describe('tagged unions', () => {
  const message = tagged('type', { ping: object({ type: literal('ping') }), pong: object({ type: literal('pong'), n: num }) });

  it('pick the variant by its own tag only; inherited names are not variants', () => {
    expect(parse(message, { type: 'pong', n: 2, extra: 1 }, 'm')).toEqual({ type: 'pong', n: 2 });
    for (const tag of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(message({ type: tag })).toMatch(/is not a known message type/);
    }
    expect(message(Object.create({ type: 'ping' }))).toMatch(/is not a known message type, got undefined/);
  });
});

describe('problems', () => {
  it('describe a wrong value by its kind and size, never by its text', () => {
    const checks = [num, str, text(4), literal('a', 'b'), object({ a: literal('x') }), tagged('type', { a: object({ type: literal('a') }) }), arrayOf(literal('x'), 2), tuple(num)];
    fc.assert(
      fc.property(fc.constantFrom(...checks), fc.string(), (check, noise) => {
        const pageText = `${noise}${PAGE_TEXT}`;
        for (const hostile of [pageText, [pageText], { a: pageText, type: pageText }, [pageText, pageText, pageText]]) {
          const problem = check(hostile);
          if (problem !== null) expect(problem).not.toContain(PAGE_TEXT);
        }
      }),
    );
  });

  it('parse throws a ProtocolError naming the path; parseOrNull returns null', () => {
    const shape = object({ inner: object({ n: num }) });
    expect(() => parse(shape, { inner: { n: NaN } }, 'request')).toThrow(new ProtocolError('request.inner.n must be a finite number, got NaN'));
    expect(parseOrNull(shape, { inner: { n: NaN } })).toBeNull();
    expect(parseOrNull(shape, { inner: { n: 1, x: 2 }, y: 3 })).toEqual({ inner: { n: 1 } });
  });
});
