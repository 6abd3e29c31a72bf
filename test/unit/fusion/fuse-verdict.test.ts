import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failedMeasures, fuseVerdict } from '../../../src/model/fusion/fuse-verdict';
import { DEFAULT_FUSION_CONFIG, validateFusionConfig, type FusionConfig } from '../../../src/model/fusion/fusion-config';
import type { QualitySummary } from '../../../src/protocol/messages';
import type { QualityMeasures } from '../../../src/protocol/quality-measures';

const config: FusionConfig = {
  ...DEFAULT_FUSION_CONFIG,
  sharpnessMin: 0.3,
  faceOcclusionMax: 0.5,
  mouthOcclusionMax: 0.6,
  eyesVisibleMax: 0.7,
  confidentGood: { sharpnessMin: 0.2, faceOcclusionMax: 0.8, mouthOcclusionMax: 0.9, eyesVisibleMax: null },
  underExposureMax: 0.5,
  overExposureMax: 0.3,
  luminanceMeanMin: 0.2,
};

function quality(label: QualitySummary['label'], confidence: number, uncertain = confidence < 0.86): QualitySummary {
  const rest = (1 - confidence) / 4;
  const probabilities = { blur: rest, eyeglasses: rest, good: rest, covered: rest, wrong: rest, [label]: confidence };
  return { label, confidence, uncertain, probabilities };
}
/** Measures of a clean face; `over` replaces some raw values. */
function measures(over: Partial<Record<'sharpness' | 'face-occlusion' | 'mouth-occlusion' | 'eyes-visible' | 'under-exposure' | 'over-exposure' | 'luminance-mean', number>> = {}): QualityMeasures {
  const raw = { 'luminance-mean': 0.55, sharpness: 0.55, 'face-occlusion': 0.05, 'mouth-occlusion': 0.05, 'eyes-visible': 0.05, 'under-exposure': 0, 'over-exposure': 0, ...over };
  return Object.fromEntries(Object.entries(raw).map(([id, r]) => [id, { raw: r, score: 50 }]));
}

describe('fuseVerdict', () => {
  it('without measures (no face) is the classifier alone', () => {
    expect(fuseVerdict(quality('wrong', 0.99), null, config)).toEqual({ label: 'wrong', uncertain: false, evidence: ['classifier'] });
  });

  it('keeps a clean face\'s verdict, uncertain included', () => {
    expect(fuseVerdict(quality('good', 0.97), measures(), config)).toEqual({ label: 'good', uncertain: false, evidence: ['classifier'] });
    expect(fuseVerdict(quality('good', 0.6), measures(), config)).toEqual({ label: 'good', uncertain: true, evidence: ['classifier'] });
  });

  it('turns a failed measure into a specific answer when the classifier says good or is unsure of wrong', () => {
    expect(fuseVerdict(quality('good', 0.7), measures({ sharpness: 0.25 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['sharpness'] });
    expect(fuseVerdict(quality('wrong', 0.5), measures({ 'face-occlusion': 0.8, 'mouth-occlusion': 0.9 }), config)).toEqual({ label: 'covered', uncertain: false, evidence: ['face-occlusion', 'mouth-occlusion'] });
    expect(fuseVerdict(quality('good', 0.7), measures({ 'eyes-visible': 0.9 }), config).label).toBe('eyeglasses');
  });

  it('overrules a confident good only at the stricter thresholds', () => {
    expect(fuseVerdict(quality('good', 0.97), measures({ sharpness: 0.25 }), config).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.97), measures({ sharpness: 0.15 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['sharpness'] });
    expect(fuseVerdict(quality('good', 0.97), measures({ 'eyes-visible': 1 }), config).label).toBe('good');
  });

  it('keeps an unsure defect from the classifier, made sure by a measure that agrees, never switched by another', () => {
    expect(fuseVerdict(quality('blur', 0.6), measures({ 'face-occlusion': 0.9 }), config)).toEqual({ label: 'blur', uncertain: true, evidence: ['classifier'] });
    expect(fuseVerdict(quality('blur', 0.6), measures({ sharpness: 0.1 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['classifier', 'sharpness'] });
  });

  it('lets a confident defect from the classifier stand, and adds the measures that agree', () => {
    expect(fuseVerdict(quality('covered', 0.95), measures({ sharpness: 0.1, 'face-occlusion': 0.9 }), config)).toEqual({ label: 'covered', uncertain: false, evidence: ['classifier', 'face-occlusion'] });
    expect(fuseVerdict(quality('blur', 0.95), measures(), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['classifier'] });
  });

  it('calls a dark face a light problem, not `wrong`', () => {
    const dark = fuseVerdict(quality('wrong', 0.9), measures({ 'under-exposure': 0.8, sharpness: 0.1 }), config);
    expect(dark.label).not.toBe('wrong');
    expect(dark.evidence[0]).toBe('under-exposure');
    expect(dark.uncertain).toBe(false);
    expect(fuseVerdict(quality('good', 0.9), measures({ 'over-exposure': 0.5 }), config).evidence).toEqual(['over-exposure', 'classifier']);
    expect(fuseVerdict(quality('wrong', 0.99), measures({ 'face-occlusion': 0.99 }), config).label).toBe('wrong');
    expect(fuseVerdict(quality('blur', 0.9), measures({ 'luminance-mean': 0.1 }), config).evidence[0]).toBe('luminance-mean');
  });

  it('a threshold at null never fires, and failedMeasures lists light first', () => {
    expect(failedMeasures(measures({ 'eyes-visible': 1 }), { ...config, eyesVisibleMax: null })).toEqual([]);
    expect(failedMeasures(measures({ 'under-exposure': 0.9, sharpness: 0 }), config).map((f) => f.id)).toEqual(['under-exposure', 'sharpness']);
  });
});

describe('validateFusionConfig', () => {
  it('accepts the shipped shape, drops unknown fields, and names a bad one', () => {
    expect(validateFusionConfig({ ...config, fittedOn: { split: 'val' } })).toEqual(config);
    expect(() => validateFusionConfig({ ...config, sharpnessMin: 'x' })).toThrow(/sharpnessMin/);
    expect(() => validateFusionConfig({ ...config, eyesVisibleMax: 2 })).toThrow(/eyesVisibleMax/);
    expect(() => validateFusionConfig(null)).toThrow();
  });
});

describe('the shipped fusion.json', () => {
  it('is a valid fusion config (the engine refuses to start on a bad one)', () => {
    const shipped = JSON.parse(readFileSync('public/models/classifier/fusion.json', 'utf8'));
    const config = validateFusionConfig(shipped);
    expect(config.confidentGood.sharpnessMin).toBeLessThanOrEqual(config.sharpnessMin);
  });
});
