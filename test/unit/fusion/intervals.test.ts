import { describe, expect, it } from 'vitest';
import { pairedMacroF1Bootstrap } from '../../../scripts/lib/fusion/intervals';

const classes = ['x', 'y'];

describe('pairedMacroF1Bootstrap', () => {
  it('gives a zero-width difference when both predictions are the same', () => {
    const truth = [0, 0, 1, 1, 0, 1, 0, 1];
    const pred = [0, 1, 1, 1, 0, 0, 0, 1];
    const r = pairedMacroF1Bootstrap(truth, pred, pred, classes, 200);
    expect(r.difference).toEqual([0, 0]);
    expect(r.a).toEqual(r.b);
    expect(r.a[0]).toBeLessThan(r.a[1]);
  });

  it('puts a clearly better prediction\'s difference above zero, and is reproducible', () => {
    const truth = Array.from({ length: 200 }, (_, i) => i % 2);
    const perfect = [...truth];
    const poor = truth.map((t, i) => (i % 5 === 0 ? 1 - t : t));
    const r = pairedMacroF1Bootstrap(truth, poor, perfect, classes, 300);
    expect(r.b).toEqual([1, 1]);
    expect(r.difference[0]).toBeGreaterThan(0.1);
    expect(r.a[1]).toBeLessThan(0.9);
    expect(pairedMacroF1Bootstrap(truth, poor, perfect, classes, 300)).toEqual(r);
  });
});
