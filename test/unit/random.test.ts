import { describe, expect, it } from 'vitest';
import { createSeededRandom, shuffleInPlace } from '../../src/random';

describe('shuffleInPlace', () => {
  it('permutes the items in place, the same way for the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleInPlace(items, createSeededRandom(7).next);
    expect(shuffled).toBe(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), createSeededRandom(7).next)).toEqual(shuffled);
  });

  it('draws Fisher–Yates positions from the end: with next() = 0 each item swaps with the first', () => {
    expect(shuffleInPlace(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
  });
});
