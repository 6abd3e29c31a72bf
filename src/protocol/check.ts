/**
 * Tiny structural validators for messages that cross contexts. A check returns null when the
 * value fits, else a message naming the first offending path, so a bad message is rejected with
 * a specific reason instead of failing somewhere downstream.
 */
export type Check<T> = ((value: unknown, path?: string) => string | null) & { readonly __type?: T };
export type Checked<C> = C extends Check<infer T> ? T : never;

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export const num: Check<number> = (v, p = 'value') => (typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a finite number, got ${describe(v)}`);
export const str: Check<string> = (v, p = 'value') => (typeof v === 'string' ? null : `${p} must be a string, got ${describe(v)}`);
export const bool: Check<boolean> = (v, p = 'value') => (typeof v === 'boolean' ? null : `${p} must be a boolean, got ${describe(v)}`);

export function literal<const L extends string | number | boolean>(...allowed: L[]): Check<L> {
  return (v, p = 'value') => (allowed.includes(v as L) ? null : `${p} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v)}`);
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, p) => (v === undefined ? null : check(v, p));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, p) => (v === null ? null : check(v, p));
}

export function arrayOf<T>(check: Check<T>, maxLength = Infinity): Check<T[]> {
  return (v, p = 'value') => {
    if (!Array.isArray(v)) return `${p} must be an array, got ${describe(v)}`;
    if (v.length > maxLength) return `${p} has ${v.length} items, at most ${maxLength} allowed`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

export function tuple<T extends unknown[]>(...checks: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (v, p = 'value') => {
    if (!Array.isArray(v) || v.length !== checks.length) return `${p} must be a tuple of ${checks.length}`;
    for (let i = 0; i < checks.length; i++) {
      const problem = (checks[i] as Check<unknown>)(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

export function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, p = 'value') => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, got ${describe(v)}`;
    for (const [k, item] of Object.entries(v)) {
      const problem = check(item, `${p}.${k}`);
      if (problem) return problem;
    }
    return null;
  };
}

type OptionalKeys<S> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Keys whose check accepts undefined become optional properties. */
type ShapeOf<S> = Simplify<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }>;

export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<ShapeOf<S>> {
  return (v, p = 'value') => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, got ${describe(v)}`;
    for (const key of Object.keys(shape)) {
      const problem = shape[key]((v as Record<string, unknown>)[key], `${p}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

/** A union of objects told apart by their `type` field. */
export function tagged<S extends Record<string, Check<unknown>>>(field: string, variants: S): Check<Checked<S[keyof S]>> {
  return (v, p = 'message') => {
    if (typeof v !== 'object' || v === null) return `${p} must be an object, got ${describe(v)}`;
    const tag = (v as Record<string, unknown>)[field];
    const check = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    return check ? check(v, p) : `${p}.${field} is not a known message type: ${JSON.stringify(tag)}`;
  };
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Returns the value typed, or throws a ProtocolError that says what was wrong. */
export function parse<T>(check: Check<T>, value: unknown, what: string): T {
  const problem = check(value, what);
  if (problem) throw new ProtocolError(problem);
  return value as T;
}
