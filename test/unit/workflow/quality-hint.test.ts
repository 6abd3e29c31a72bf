import { describe, expect, it } from 'vitest';
import type { FusedVerdict } from '../../../src/protocol/messages';
import { qualityCheck } from '../../../src/workflow/quality-hint';

const quality = (label: FusedVerdict['label'], uncertain = false): FusedVerdict => ({ label, uncertain, evidence: ['classifier'] });

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
  it('follows the fused verdict, whatever decided it', () => {
    expect(qualityCheck({ label: 'blur', uncertain: false, evidence: ['sharpness'] })).toEqual({ passed: false, hint: 'hold-still' });
    expect(qualityCheck({ label: 'covered', uncertain: false, evidence: ['classifier', 'face-occlusion'] }).hint).toBe('uncover-face');
  });
  it('does not pass an uncertain verdict, even one leaning to good, and gives no specific hint', () => {
    expect(qualityCheck(quality('good', true))).toEqual({ passed: false, hint: null });
    expect(qualityCheck(quality('blur', true))).toEqual({ passed: false, hint: null });
  });
});
