import { describe, expect, it } from 'vitest';
import { eyesAsWanted } from '../../../src/workflow/eye-check';

describe('eyesAsWanted', () => {
  it('compares the eye state with the one the profile wants', () => {
    expect(eyesAsWanted('closed', 'closed')).toBe(true);
    expect(eyesAsWanted('open', 'closed')).toBe(false);
    expect(eyesAsWanted('open', 'open')).toBe(true);
    expect(eyesAsWanted('closed', 'open')).toBe(false);
  });
  it('cannot judge an uncertain state', () => {
    expect(eyesAsWanted('uncertain', 'open')).toBeNull();
  });
});
