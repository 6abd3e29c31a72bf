/**
 * A model load that cannot hang: it settles within `timeoutMs` or rejects with `timedOut()`; a
 * model that arrives after the timeout is disposed, never kept half-owned.
 */
export async function settleWithin<T>(loading: Promise<T>, timeoutMs: number, timedOut: () => Error, disposeLate: (late: T) => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(timedOut());
    }, timeoutMs);
  });
  try {
    return await Promise.race([loading, timeout]);
  } catch (error) {
    if (expired) loading.then(disposeLate, () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
