import { describe, expect, it } from 'vitest';
import type { QualitySummary } from '../../../src/protocol/messages';
import { qualityCheck } from '../../../src/workflow/quality-hint';

const quality = (label: QualitySummary['label'], uncertain = false): QualitySummary => ({
  label,
  confidence: 0.9,
  uncertain,
  probabilities: { blur: 0, eyeglasses: 0, good: 0, covered: 0, wrong: 0, [label]: 0.9 },
});

describe('qualityCheck', () => {
  it('passes a confident good face', () => {
    expect(qualityCheck(quality('good'))).toEqual({ passed: true, hint: null });
  });
  it('maps each other class to its hint', () => {
    expect(qualityCheck(quality('eyeglasses')).hint).toBe('remove-glasses');
    expect(qualityCheck(quality('covered')).hint).toBe('uncover-face');
    expect(qualityCheck(quality('blur')).hint).toBe('hold-still');
    expect(qualityCheck(quality('wrong')).hint).toBe('show-face');
    expect(qualityCheck(quality('blur')).passed).toBe(false);
  });
  it('does not pass an uncertain verdict, even one leaning to good, and gives no specific hint', () => {
    expect(qualityCheck(quality('good', true))).toEqual({ passed: false, hint: null });
    expect(qualityCheck(quality('blur', true))).toEqual({ passed: false, hint: null });
  });
});
