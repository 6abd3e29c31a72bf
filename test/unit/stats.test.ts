import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/error-text';
import { argmax, median, quantileOfSorted } from '../../src/stats';

describe('median', () => {
  it('is the middle value, the upper one of an even count, without sorting the input in place', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });
});

describe('argmax', () => {
  it('is the index of the largest value, the first on a tie, for arrays and typed arrays', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax(new Float32Array([3, 9, 9, 1]))).toBe(1);
    expect(argmax([-5, -2, -9])).toBe(1);
    expect(argmax([])).toBe(0);
  });
});

describe('errorText', () => {
  it('is an Error’s message or the value as text', () => {
    expect(errorText(new TypeError('bad frame'))).toBe('bad frame');
    expect(errorText('offline')).toBe('offline');
    expect(errorText(undefined)).toBe('undefined');
  });
});

describe('quantileOfSorted', () => {
  const sorted = [1, 2, 3, 4, 5, 6];
  it('takes the element at q·(n − 1), rounded to the nearest by default and down with "lower"', () => {
    expect(quantileOfSorted(sorted, 0.5)).toBe(4); // index 2.5 → 3
    expect(quantileOfSorted(sorted, 0.5, 'lower')).toBe(3); // index 2.5 → 2
    expect(quantileOfSorted(sorted, 0.25, 'lower')).toBe(2); // index 1.25 → 1
    expect(quantileOfSorted(sorted, 0.975)).toBe(6);
  });
  it('stays within the list at its ends', () => {
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 1, 'lower')).toBe(6);
    expect(quantileOfSorted([7], 0.9)).toBe(7);
  });
});
