import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from '../../../src/capture/camera-error';

const named = (name: string, message = 'page text') => Object.assign(new Error(message), { name });

describe('camera error codes', () => {
  it('sorts getUserMedia’s error names into what the user can do', () => {
    expect(cameraErrorCode(named('NotAllowedError'))).toBe('denied');
    expect(cameraErrorCode(named('SecurityError'))).toBe('denied');
    expect(cameraErrorCode(named('NotFoundError'))).toBe('missing');
    expect(cameraErrorCode(named('OverconstrainedError'))).toBe('missing');
    expect(cameraErrorCode(named('NotReadableError'))).toBe('busy');
    expect(cameraErrorCode(named('AbortError'))).toBe('busy');
  });
  it('gives "failed" for anything else, whatever a page names its error', () => {
    for (const error of [named('TypeError'), named('constructor'), named('__proto__'), { name: 42 }, 'NotAllowedError', null, undefined]) expect(cameraErrorCode(error)).toBe('failed');
  });
});
