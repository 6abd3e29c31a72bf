import { describe, expect, it } from 'vitest';
import { classificationReport, confusionMatrix, fitTemperature, negativeLogLikelihood, reliability, selectiveThreshold, softmax } from '../../../scripts/lib/classifier/metrics';

describe('classificationReport', () => {
  // truth:     a a a a b b c c c c
  // predicted: a a b c b b c c a c
  const truth = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
  const predicted = [0, 0, 1, 2, 1, 1, 2, 2, 0, 2];
  const r = classificationReport(truth, predicted, ['a', 'b', 'c']);
  it('counts the confusion matrix as [true][predicted]', () => {
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [2, 1, 1],
      [0, 2, 0],
      [1, 0, 3],
    ]);
  });
  it('computes per-class precision, recall and F1 by hand', () => {
    expect(r.perClass.a.precision).toBeCloseTo(2 / 3);
    expect(r.perClass.a.recall).toBeCloseTo(2 / 4);
    expect(r.perClass.a.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect(r.perClass.b.precision).toBeCloseTo(2 / 3);
    expect(r.perClass.b.recall).toBe(1);
    expect(r.perClass.c.precision).toBeCloseTo(3 / 4);
    expect(r.perClass.c.recall).toBeCloseTo(3 / 4);
    expect(r.perClass.c.support).toBe(4);
  });
  it('macro = mean over classes, weighted by support, accuracy = trace / N', () => {
    const f1 = [r.perClass.a.f1, r.perClass.b.f1, r.perClass.c.f1];
    expect(r.macro.f1).toBeCloseTo((f1[0] + f1[1] + f1[2]) / 3);
    expect(r.weighted.f1).toBeCloseTo((f1[0] * 4 + f1[1] * 2 + f1[2] * 4) / 10);
    expect(r.accuracy).toBeCloseTo(7 / 10);
  });
  it('scores a never-predicted class 0 instead of NaN', () => {
    const z = classificationReport([0, 1], [0, 0], ['a', 'b']);
    expect(z.perClass.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });
});

describe('reliability / ECE', () => {
  it('is 0 when confidence equals accuracy in every bin', () => {
    const conf = [0.75, 0.75, 0.75, 0.75];
    expect(reliability(conf, [true, true, true, false]).ece).toBeCloseTo(0);
  });
  it('weights each bin gap by its share of samples', () => {
    // bin 0.9: 2 samples, conf 0.95, acc 0.5 → gap 0.45; bin 0.6: 2 samples conf 0.65 acc 1 → gap 0.35
    const { ece, bins } = reliability([0.95, 0.95, 0.65, 0.65], [true, false, true, true]);
    expect(ece).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.35);
    expect(bins[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(bins[6].confidence).toBeCloseTo(0.65);
  });
});

describe('temperature scaling', () => {
  it('softmax at T divides logits by T', () => {
    const p = softmax([2, 0], 2);
    expect(p[0]).toBeCloseTo(Math.exp(1) / (Math.exp(1) + 1));
  });
  it('recovers the temperature of an over-confident model', () => {
    // labels drawn from softmax(z / 3): the NLL-optimal temperature is ≈ 3
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const logits: number[][] = [];
    const truth: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const z = [rand() * 12, rand() * 12, rand() * 12];
      const p = softmax(z, 3);
      const u = rand();
      truth.push(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2);
      logits.push(z);
    }
    const t = fitTemperature(logits, truth);
    expect(t).toBeGreaterThan(2.6);
    expect(t).toBeLessThan(3.4);
    expect(negativeLogLikelihood(logits, truth, t)).toBeLessThan(negativeLogLikelihood(logits, truth, 1));
  });
});

describe('selectiveThreshold', () => {
  it('returns the lowest confidence at which the kept predictions reach the target accuracy', () => {
    const conf = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6];
    const ok = [true, true, true, false, true, false];
    // kept ≥0.9: 3/3; ≥0.8: 3/4; ≥0.7: 4/5 = 0.8; ≥0.6: 4/6
    expect(selectiveThreshold(conf, ok, 0.8, 0)).toBe(0.7);
    expect(selectiveThreshold(conf, ok, 1, 0)).toBe(0.9);
    expect(selectiveThreshold(conf, ok, 0.5, 0.65)).toBe(0.65);
  });
});
