import { describe, expect, it } from 'vitest';
import { fitFusion } from '../../../scripts/lib/fusion/fit-fusion';
import { scoredOutOfSource, scoredWithout, type LosoHeads } from '../../../scripts/lib/fusion/loso-probabilities';
import type { SampleEvidence } from '../../../scripts/lib/fusion/sample-evidence';
import { sampleKey } from '../../../scripts/lib/classifier/features';
import { DEFAULT_FUSION_CONFIG } from '../../../src/model/fusion/fusion-config';
import type { QualityClass } from '../../../src/model/classifier/constants';

const T = 0.86;
// probabilities in CLASS_NAMES order: blur, eyeglasses, good, covered, wrong
let next = 0;
function row(label: QualityClass, probabilities: number[], raw: Partial<Record<string, number>> = {}, source = 'a'): SampleEvidence {
  const values = { sharpness: 0.6, 'face-occlusion': 0.1, 'mouth-occlusion': 0.1, 'eyes-visible': 0.1, 'glasses-frame': 0.04, 'under-exposure': 0, 'over-exposure': 0, 'luminance-mean': 0.5, ...raw };
  return {
    spec: { relPath: `${label}/${next++}.jpg`, split: 'val', label, baseLabel: label, source },
    probabilities,
    measures: Object.fromEntries(Object.entries(values).map(([id, r]) => [id, { raw: r!, score: 50 }])),
  };
}
const repeat = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

/** In-source: the classifier is right everywhere; one clean face has a busy background the occlusion measure flags (1 of 51 clean, within the 3 % budget). */
const inSource = [
  ...repeat(40, (i) => row('good', [0.01, 0.01, 0.96, 0.01, 0.01], { 'face-occlusion': 0.05 + i * 0.004 })),
  row('good', [0.2, 0.02, 0.75, 0.02, 0.01], { 'face-occlusion': 0.95 }),
  ...repeat(30, () => row('covered', [0.01, 0.01, 0.02, 0.95, 0.01], { 'face-occlusion': 0.9 })),
  ...repeat(30, () => row('blur', [0.95, 0.01, 0.02, 0.01, 0.01], { sharpness: 0.2 })),
  ...repeat(10, () => row('eyeglasses', [0.01, 0.95, 0.02, 0.01, 0.01])),
];

describe('fitFusion', () => {
  it('keeps the skin-colour measures from costing in-source validation, and lets only sharpness overrule a confident good', () => {
    const fit = fitFusion(inSource, DEFAULT_FUSION_CONFIG, T);
    // no backing would turn the unsure clean face into `covered`: excluded; the ties go to the strictest
    expect(fit.supportChoice['null'].inSource).toBeLessThan(fit.supportChoice['0.2'].inSource);
    expect(fit.config.defectSupportMin).toBe(0.2);
    expect(fit.config.confidentGood).toMatchObject({ faceOcclusionMax: null, mouthOcclusionMax: null, eyesVisibleMax: null });
    expect(fit.config.defectLeadRatio).toBeNull();
  });

  it('chooses the backing and the lead ratio on out-of-source rows', () => {
    const outOfSource = [
      ...inSource.slice(0, 40),
      // covered faces a head without their source calls `good`, `covered` second at 0.15
      ...repeat(10, () => row('covered', [0.02, 0.02, 0.8, 0.15, 0.01], { 'face-occlusion': 0.9 })),
      ...repeat(20, () => row('blur', [0.95, 0.01, 0.02, 0.01, 0.01], { sharpness: 0.2 })),
      // unsure blur leading eyeglasses 6 : 1, right; and one leading 5 : 3, wrong
      ...repeat(5, () => row('blur', [0.6, 0.1, 0.28, 0.01, 0.01])),
      row('eyeglasses', [0.5, 0.3, 0.18, 0.01, 0.01]),
    ];
    const fit = fitFusion(inSource, DEFAULT_FUSION_CONFIG, T, outOfSource);
    expect(fit.config.defectSupportMin).toBe(0.1);
    expect(fit.supportChoice['0.1'].outOfSource).toBeGreaterThan(fit.supportChoice['0.2'].outOfSource!);
    expect(fit.leadChoice['1.5']).toEqual({ resolved: 6, right: 5 });
    expect(fit.leadChoice['2']).toEqual({ resolved: 5, right: 5 });
    expect(fit.config.defectLeadRatio).toBe(2);
  });
});

describe('fitFusion: the glasses frame', () => {
  it('lets the frame decide alone and overrule a confident good only where out-of-source rows gain and in-source keeps its floor', () => {
    const rows = [
      ...inSource,
      ...repeat(10, () => row('eyeglasses', [0.01, 0.95, 0.02, 0.01, 0.01], { 'glasses-frame': 0.2 })),
    ];
    const outOfSource = [
      ...rows,
      // glasses a head without their source calls `good`, unsure (eyeglasses third) or sure
      ...repeat(6, () => row('eyeglasses', [0.01, 0.04, 0.8, 0.14, 0.01], { 'glasses-frame': 0.2 })),
      ...repeat(4, () => row('eyeglasses', [0.01, 0.02, 0.95, 0.01, 0.01], { 'glasses-frame': 0.25 })),
    ];
    const fit = fitFusion(rows, DEFAULT_FUSION_CONFIG, T, outOfSource);
    expect(fit.config.glassesFrameMax).toBeLessThan(0.2);
    // backing at ≥ 0.02 refuses the unsure goods (eyeglasses third): no backing gains most
    expect(fit.config.glassesFrameSupportMin).toBeNull();
    expect(fit.glassesSupportChoice['null'].outOfSource).toBeGreaterThan(fit.glassesSupportChoice['0.02'].outOfSource!);
    expect(fit.config.confidentGood.glassesFrameMax).not.toBeNull();
    // without out-of-source gains nothing changes in-source, so the strictest choices win the ties
    const alone = fitFusion(rows, DEFAULT_FUSION_CONFIG, T);
    expect(alone.config.glassesFrameSupportMin).toBe(0.2);
    expect(alone.config.confidentGood.glassesFrameMax).toBeNull();
  });
});

describe('LOSO heads', () => {
  it('replaces each row\'s probabilities with the head trained without the named source, or its own', () => {
    const rows = [row('good', [0, 0, 1, 0, 0], {}, 'a'), row('blur', [1, 0, 0, 0, 0], {}, 'b')];
    const loso: LosoHeads = {
      keys: rows.map((r) => sampleKey(r.spec, 'face')),
      heads: {
        a: { trainSamples: 1, temperature: 1, probabilities: [[0.1, 0.1, 0.6, 0.1, 0.1], [0.5, 0.1, 0.2, 0.1, 0.1]] },
        b: { trainSamples: 1, temperature: 1, probabilities: [[0.2, 0.2, 0.2, 0.2, 0.2], [0.3, 0.3, 0.2, 0.1, 0.1]] },
      },
    };
    expect(scoredWithout(rows, 'b', loso).map((r) => r.probabilities)).toEqual(loso.heads.b.probabilities);
    expect(scoredOutOfSource(rows, loso).map((r) => r.probabilities)).toEqual([loso.heads.a.probabilities[0], loso.heads.b.probabilities[1]]);
    expect(() => scoredWithout(rows, 'c', loso)).toThrow(/no head without c/);
  });
});
