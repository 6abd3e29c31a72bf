/** Valid messages' parts as they cross the engine port (plain JSON data), shared by the protocol tests. */
export const validWireFrame = { frameId: 1, streamId: 's/t', capturedAt: 10, sentAt: 11, width: 64, height: 48, encoding: 'jpeg', data: 'AAAA' };
export const validFace = {
  box: { x: 1, y: 2, width: 30, height: 40 },
  detectorScore: 0.9,
  meshScore: 0.95,
  mesh: Array.from({ length: 468 }, () => [1, 2, 3]),
  luminance: 120,
};
export const validAnalysis = {
  frameId: 1,
  streamId: 's/t',
  width: 64,
  height: 48,
  capturedAt: 10,
  backend: 'wasm',
  faces: [validFace],
  quality: { label: 'good', confidence: 0.9, uncertain: false, probabilities: { blur: 0.02, eyeglasses: 0.03, good: 0.9, covered: 0.03, wrong: 0.02 } },
  measures: { sharpness: { raw: 412, score: 88 }, roll: { raw: -2.5, score: 97 } },
  verdict: { label: 'good', uncertain: false, evidence: ['classifier'] },
  eyes: { state: 'open', landmarkState: 'open', haarState: 'closed', openness: 0.3, closedLogit: -5, confidentlyClosed: false, cascadeRan: true, right: { state: 'open', ear: 0.31 }, left: { state: 'open', ear: 0.29 } },
  timings: { transportMs: 1, decodeMs: 1, detectorMs: 5, meshMs: 6, irisMs: 7, classifierMs: 8, eyesMs: 2, measuresMs: 2, totalMs: 30 },
};
