/**
 * Tiny structural validators for messages that cross contexts. Every message may come from a world
 * FaceReady does not control (the page, or a renderer the page has compromised), so the
 * combinators themselves enforce the limits: strings and arrays have a length cap (a default one
 * unless the field names its own), numbers are finite, objects are read from their OWN properties
 * only (an inherited `constructor` or a `__proto__` key is never a field) and come back rebuilt
 * from the known keys alone, unknown keys dropped.
 *
 * A check called as a function returns null when the value fits, else a message naming the first
 * offending path. Problems describe a wrong value by its type and size and never quote page text,
 * because a problem can end up in front of the user. `parse` returns the rebuilt value.
 */
export const DEFAULT_LIMITS = {
  /** Characters of a string field that names no cap of its own (ids, labels, error messages). */
  stringLength: 4096,
  /** Items of an array field that names no cap of its own. */
  arrayLength: 4096,
} as const;

/** A value that failed its check; never a value a message can carry (it cannot be structured-cloned into being). */
class Problem {
  constructor(readonly message: string) {}
}

export interface Check<T> {
  /** The first problem with `value`, or null when it fits. */
  (value: unknown, path?: string): string | null;
  /** The value rebuilt from what the check knows (unknown keys dropped), or its first problem. */
  readonly read: (value: unknown, path: string) => T | Problem;
}
export type Checked<C> = C extends Check<infer T> ? T : never;

function defineCheck<T>(read: (value: unknown, path: string) => T | Problem): Check<T> {
  const check = (value: unknown, path = 'value') => {
    const result = read(value, path);
    return result instanceof Problem ? result.message : null;
  };
  return Object.assign(check, { read });
}

/** Names a wrong value by its kind (and, for strings and arrays, its length), never by its text. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return `a string of ${v.length} characters`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A field of a received object: only its own DATA property counts, never one inherited from a prototype,
 * and an accessor is a problem, never called (a getter could throw, or give one value to the check and
 * another to the receiver). A structured clone or JSON never carries one; a same-realm caller might.
 */
function ownField(v: object, key: string | number, path: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(v, key);
  if (descriptor && !('value' in descriptor)) return new Problem(`${path} must be a plain value, got an accessor`);
  return descriptor?.value;
}

/** A finite number, optionally within [min, max] and whole. */
export function numberIn(min: number, max: number, options: { integer?: boolean } = {}): Check<number> {
  const kind = options.integer ? 'an integer' : 'a number';
  return defineCheck((v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return new Problem(`${p} must be a finite number, got ${describe(v)}`);
    if (v < min || v > max || (options.integer && !Number.isInteger(v))) return new Problem(`${p} must be ${kind} in ${min}–${max}, got ${v}`);
    return v;
  });
}

/** Any finite number. */
export const num: Check<number> = numberIn(-Number.MAX_VALUE, Number.MAX_VALUE);

/** A string of at most `maxLength` characters. */
export function text(maxLength: number): Check<string> {
  return defineCheck((v, p) => {
    if (typeof v !== 'string') return new Problem(`${p} must be a string, got ${describe(v)}`);
    if (v.length > maxLength) return new Problem(`${p} has ${v.length} characters, at most ${maxLength} allowed`);
    return v;
  });
}

/** A string within the default cap. */
export const str: Check<string> = text(DEFAULT_LIMITS.stringLength);

export const bool: Check<boolean> = defineCheck((v, p) => (typeof v === 'boolean' ? v : new Problem(`${p} must be a boolean, got ${describe(v)}`)));

export function literal<const L extends string | number | boolean>(...allowed: L[]): Check<L> {
  return defineCheck((v, p) => (allowed.includes(v as L) ? (v as L) : new Problem(`${p} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(v)}`)));
}

/** An object the structured clone keeps as is (an ImageBitmap), told apart by `test`. */
export function instance<T>(description: string, test: (v: unknown) => v is T): Check<T> {
  return defineCheck((v, p) => (test(v) ? v : new Problem(`${p} must be ${description}, got ${describe(v)}`)));
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return defineCheck((v, p) => (v === undefined ? undefined : check.read(v, p)));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return defineCheck((v, p) => (v === null ? null : check.read(v, p)));
}

export function arrayOf<T>(check: Check<T>, maxLength: number = DEFAULT_LIMITS.arrayLength): Check<T[]> {
  return defineCheck((v, p) => {
    if (!Array.isArray(v)) return new Problem(`${p} must be an array, got ${describe(v)}`);
    if (v.length > maxLength) return new Problem(`${p} has ${v.length} items, at most ${maxLength} allowed`);
    const items: T[] = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) {
      const value = ownField(v, i, `${p}[${i}]`);
      const item = value instanceof Problem ? value : check.read(value, `${p}[${i}]`);
      if (item instanceof Problem) return item;
      items[i] = item;
    }
    return items;
  });
}

export function tuple<T extends unknown[]>(...checks: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return defineCheck((v, p) => {
    if (!Array.isArray(v) || v.length !== checks.length) return new Problem(`${p} must be a tuple of ${checks.length}, got ${describe(v)}`);
    const items: unknown[] = [];
    for (let i = 0; i < checks.length; i++) {
      const value = ownField(v, i, `${p}[${i}]`);
      const item = value instanceof Problem ? value : (checks[i] as Check<unknown>).read(value, `${p}[${i}]`);
      if (item instanceof Problem) return item;
      items.push(item);
    }
    return items as T;
  });
}

type OptionalKeys<S> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Keys whose check accepts undefined become optional properties. */
type ShapeOf<S> = Simplify<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }>;

/** An object with exactly the keys of `shape` that it has; any other key is dropped. */
export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<ShapeOf<S>> {
  const keys = Object.keys(shape);
  return defineCheck((v, p) => {
    if (!isRecord(v)) return new Problem(`${p} must be an object, got ${describe(v)}`);
    const known: Record<string, unknown> = {};
    for (const key of keys) {
      const value = ownField(v, key, `${p}.${key}`);
      const field = value instanceof Problem ? value : shape[key].read(value, `${p}.${key}`);
      if (field instanceof Problem) return field;
      if (field !== undefined) known[key] = field;
    }
    return known as ShapeOf<S>;
  });
}

/** A union of objects told apart by their `type` field. */
export function tagged<S extends Record<string, Check<unknown>>>(field: string, variants: S): Check<Checked<S[keyof S]>> {
  return defineCheck((v, p) => {
    if (!isRecord(v)) return new Problem(`${p} must be an object, got ${describe(v)}`);
    const tag = ownField(v, field, `${p}.${field}`);
    if (tag instanceof Problem) return tag;
    const check = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    return check ? (check.read(v, p) as Checked<S[keyof S]> | Problem) : new Problem(`${p}.${field} is not a known message type, got ${describe(tag)}`);
  });
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Returns the value rebuilt from its known keys, or throws a ProtocolError that says what was wrong. */
export function parse<T>(check: Check<T>, value: unknown, what: string): T {
  const result = check.read(value, what);
  if (result instanceof Problem) throw new ProtocolError(result.message);
  return result;
}

/** Like `parse`, for receivers that drop a bad message silently (the page's window messages): null when it does not fit. */
export function parseOrNull<T>(check: Check<T>, value: unknown): T | null {
  const result = check.read(value, 'message');
  return result instanceof Problem ? null : result;
}
