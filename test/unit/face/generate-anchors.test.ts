import { describe, expect, it } from 'vitest';
import { generateAnchors } from '../../../src/model/face/calculators/generate-anchors';
import { DETECTOR_CONFIG } from '../../../src/model/face/constants';

describe('generateAnchors', () => {
  it('gives BlazeFace-back its 896 anchors: 16×16×2 at stride 16, then 8×8×6 at stride 32', () => {
    const anchors = generateAnchors(DETECTOR_CONFIG.inputSize, DETECTOR_CONFIG.anchorLayers);
    expect(anchors).toHaveLength(896);
    expect(anchors[0]).toEqual([8, 8]);
    expect(anchors[1]).toEqual([8, 8]);
    expect(anchors[2]).toEqual([24, 8]); // next cell in the row
    expect(anchors[32]).toEqual([8, 24]); // next row after 16 cells × 2
    expect(anchors[511]).toEqual([248, 248]);
    expect(anchors.slice(512, 518)).toEqual(Array(6).fill([16, 16]));
    expect(anchors[518]).toEqual([48, 16]);
    expect(anchors[895]).toEqual([240, 240]);
  });

  it('rounds partial cells up', () => {
    expect(generateAnchors(10, [{ stride: 4, anchorsPerCell: 1 }])).toHaveLength(9);
  });
});
