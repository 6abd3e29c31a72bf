/**
 * The per-frame pipeline, as a straight line: landmarks → measures → result. It runs the same in
 * the offscreen document and in Node scripts; decoding and transport live elsewhere.
 */
import type { RgbaImage } from '../image';
import type { FaceSummary } from '../protocol/messages';
import type { FaceLandmarkSource } from './face';
import { faceLuminance } from './measures/face-luminance';

export interface FrameResult {
  faces: FaceSummary[];
  timings: { detectorMs: number; meshMs: number; irisMs: number };
}

export interface FrameAnalyzer {
  analyze(image: RgbaImage): Promise<FrameResult>;
  dispose(): void;
}

export function createFrameAnalyzer(landmarks: FaceLandmarkSource): FrameAnalyzer {
  return {
    async analyze(image) {
      const { faces, timings } = await landmarks.detect(image);
      return {
        faces: faces.map((face) => ({ ...face, luminance: faceLuminance(image, face.box) })),
        timings,
      };
    },
    dispose() {
      landmarks.dispose();
    },
  };
}
