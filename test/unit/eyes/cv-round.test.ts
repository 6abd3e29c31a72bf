import { describe, expect, it } from 'vitest';
import { cvRound } from '../../../src/model/eyes/cv-round';

describe('cvRound', () => {
  it('rounds ties to even like OpenCV', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001].map(cvRound)).toEqual([0, 2, 2, 0, -2, 2, 3]);
  });
});
