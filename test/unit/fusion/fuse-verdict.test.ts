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
  glassesFrameMax: 0.06,
  confidentGood: { sharpnessMin: 0.2, faceOcclusionMax: 0.8, mouthOcclusionMax: 0.9, eyesVisibleMax: null, glassesFrameMax: null },
  defectSupportMin: 0.1,
  glassesFrameSupportMin: 0.1,
  defectLeadRatio: 5,
  underExposureMax: 0.5,
  overExposureMax: 0.3,
  luminanceMeanMin: 0.2,
};

/** The classifier's summary: `label` at `confidence`, `runnerUp` (if given) with most of the rest. */
function quality(label: QualitySummary['label'], confidence: number, runnerUp?: QualitySummary['label']): QualitySummary {
  const rest = 1 - confidence;
  const share = runnerUp ? rest / 16 : rest / 4;
  const probabilities = { blur: share, eyeglasses: share, good: share, covered: share, wrong: share, ...(runnerUp ? { [runnerUp]: rest - 3 * share } : {}), [label]: confidence };
  return { label, confidence, uncertain: confidence < 0.86, probabilities };
}
/** Measures of a clean face; `over` replaces some raw values. */
function measures(over: Partial<Record<'sharpness' | 'face-occlusion' | 'mouth-occlusion' | 'eyes-visible' | 'glasses-frame' | 'under-exposure' | 'over-exposure' | 'luminance-mean', number>> = {}): QualityMeasures {
  const raw = { 'luminance-mean': 0.55, sharpness: 0.55, 'face-occlusion': 0.05, 'mouth-occlusion': 0.05, 'eyes-visible': 0.05, 'glasses-frame': 0.04, 'under-exposure': 0, 'over-exposure': 0, ...over };
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

  it('lets sharpness alone overrule an unsure good, whatever the classifier ranks second', () => {
    expect(fuseVerdict(quality('good', 0.7, 'covered'), measures({ sharpness: 0.25 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['sharpness'] });
  });

  it('lets the skin-colour measures overrule an unsure good or wrong only with the classifier\'s backing (its defect ranked second, ≥ defectSupportMin)', () => {
    expect(fuseVerdict(quality('wrong', 0.5, 'covered'), measures({ 'face-occlusion': 0.8, 'mouth-occlusion': 0.9 }), config)).toEqual({ label: 'covered', uncertain: false, evidence: ['face-occlusion', 'mouth-occlusion'] });
    expect(fuseVerdict(quality('good', 0.7, 'eyeglasses'), measures({ 'eyes-visible': 0.9 }), config).label).toBe('eyeglasses');
    // ranked second but below the floor, or not ranked second at all: the classifier's unsure good stands
    expect(fuseVerdict(quality('good', 0.7, 'blur'), measures({ 'face-occlusion': 0.8 }), config)).toEqual({ label: 'good', uncertain: true, evidence: ['classifier'] });
    expect(fuseVerdict(quality('good', 0.93, 'covered'), measures({ 'face-occlusion': 0.6 }), { ...config, confidentGood: { ...config.confidentGood, faceOcclusionMax: 0.5 } }).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.7, 'covered'), measures({ 'face-occlusion': 0.8 }), { ...config, defectSupportMin: 0.5 }).label).toBe('good');
    // null: no backing needed
    expect(fuseVerdict(quality('good', 0.7, 'blur'), measures({ 'face-occlusion': 0.8 }), { ...config, defectSupportMin: null }).label).toBe('covered');
  });

  it('lets the glasses frame overrule an unsure good at its own backing level, alone when that is null', () => {
    expect(fuseVerdict(quality('good', 0.7, 'eyeglasses'), measures({ 'glasses-frame': 0.2 }), config)).toEqual({ label: 'eyeglasses', uncertain: false, evidence: ['glasses-frame'] });
    // not backed (eyeglasses not ranked second): stands only where the glasses frame needs no backing
    expect(fuseVerdict(quality('good', 0.7, 'covered'), measures({ 'glasses-frame': 0.2 }), config).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.7, 'covered'), measures({ 'glasses-frame': 0.2 }), { ...config, glassesFrameSupportMin: null }).label).toBe('eyeglasses');
    // its backing level is its own: the skin measures' stays as it was
    expect(fuseVerdict(quality('good', 0.7, 'blur'), measures({ 'face-occlusion': 0.8 }), { ...config, glassesFrameSupportMin: null }).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.7, 'eyeglasses'), measures({ 'glasses-frame': 0.05 }), config).label).toBe('good');
    // a confident good: only at the confident threshold (and its backing)
    const alone = { ...config, glassesFrameSupportMin: null };
    expect(fuseVerdict(quality('good', 0.97, 'eyeglasses'), measures({ 'glasses-frame': 0.2 }), alone).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.97, 'eyeglasses'), measures({ 'glasses-frame': 0.2 }), { ...alone, confidentGood: { ...config.confidentGood, glassesFrameMax: 0.1 } }).label).toBe('eyeglasses');
  });

  it('never switches the classifier\'s unsure covered to eyeglasses on a frame across the nose (a mask pulled up draws one too)', () => {
    expect(fuseVerdict(quality('covered', 0.6, 'eyeglasses'), measures({ 'glasses-frame': 0.2 }), { ...config, glassesFrameSupportMin: null })).toEqual({ label: 'covered', uncertain: true, evidence: ['classifier'] });
  });

  it('overrules a confident good only at the stricter thresholds, and never where they are null', () => {
    expect(fuseVerdict(quality('good', 0.97), measures({ sharpness: 0.25 }), config).label).toBe('good');
    expect(fuseVerdict(quality('good', 0.97), measures({ sharpness: 0.15 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['sharpness'] });
    expect(fuseVerdict(quality('good', 0.97), measures({ 'eyes-visible': 1 }), config).label).toBe('good');
    const sharpnessOnly = { ...config, confidentGood: { sharpnessMin: 0.2, faceOcclusionMax: null, mouthOcclusionMax: null, eyesVisibleMax: null, glassesFrameMax: null } };
    expect(fuseVerdict(quality('good', 0.97, 'covered'), measures({ 'face-occlusion': 0.99, 'mouth-occlusion': 0.99 }), sharpnessOnly).label).toBe('good');
  });

  it('makes an unsure defect specific when it clearly leads the other defect classes', () => {
    // blur 0.6, eyeglasses 0.1 (6×): specific; blur 0.6, covered 0.3 (2×): stays uncertain
    const lead = { label: 'blur' as const, confidence: 0.6, uncertain: true, probabilities: { blur: 0.6, eyeglasses: 0.1, good: 0.25, covered: 0.03, wrong: 0.02 } };
    expect(fuseVerdict(lead, measures(), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['classifier'] });
    const close = { ...lead, probabilities: { blur: 0.6, eyeglasses: 0.02, good: 0.06, covered: 0.3, wrong: 0.02 } };
    expect(fuseVerdict(close, measures(), config)).toEqual({ label: 'blur', uncertain: true, evidence: ['classifier'] });
    expect(fuseVerdict(lead, measures(), { ...config, defectLeadRatio: null }).uncertain).toBe(true);
    // an unsure good is not made a defect by a lead among the defects
    expect(fuseVerdict({ ...lead, label: 'good', probabilities: { blur: 0.3, eyeglasses: 0.01, good: 0.6, covered: 0.05, wrong: 0.04 } }, measures(), config)).toEqual({ label: 'good', uncertain: true, evidence: ['classifier'] });
  });

  it('keeps an unsure defect from the classifier, made sure by a measure that agrees, never switched by another', () => {
    expect(fuseVerdict(quality('blur', 0.6, 'covered'), measures({ 'face-occlusion': 0.9 }), config)).toEqual({ label: 'blur', uncertain: true, evidence: ['classifier'] });
    expect(fuseVerdict(quality('blur', 0.6, 'covered'), measures({ sharpness: 0.1 }), config)).toEqual({ label: 'blur', uncertain: false, evidence: ['classifier', 'sharpness'] });
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
    expect(failedMeasures(measures({ 'eyes-visible': 1 }), { ...config, eyesVisibleMax: null, glassesFrameMax: null })).toEqual([]);
    expect(failedMeasures(measures({ 'under-exposure': 0.9, sharpness: 0 }), config).map((f) => f.id)).toEqual(['under-exposure', 'sharpness']);
  });
});

describe('validateFusionConfig', () => {
  it('accepts the shipped shape, drops unknown fields, and names a bad one', () => {
    expect(validateFusionConfig({ ...config, fittedOn: { split: 'val' } })).toEqual(config);
    expect(() => validateFusionConfig({ ...config, sharpnessMin: 'x' })).toThrow(/sharpnessMin/);
    expect(() => validateFusionConfig({ ...config, eyesVisibleMax: 2 })).toThrow(/eyesVisibleMax/);
    expect(() => validateFusionConfig({ ...config, faceOcclusionMax: null })).toThrow(/faceOcclusionMax/);
    expect(validateFusionConfig({ ...config, confidentGood: { ...config.confidentGood, faceOcclusionMax: null } }).confidentGood.faceOcclusionMax).toBeNull();
    expect(() => validateFusionConfig({ ...config, defectLeadRatio: 0.5 })).toThrow(/defectLeadRatio/);
    expect(() => validateFusionConfig({ ...config, defectSupportMin: -1 })).toThrow(/defectSupportMin/);
    expect(() => validateFusionConfig({ ...config, glassesFrameSupportMin: 'x' })).toThrow(/glassesFrameSupportMin/);
    expect(() => validateFusionConfig({ ...config, confidentGood: { ...config.confidentGood, glassesFrameMax: 3 } })).toThrow(/glassesFrameMax/);
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
