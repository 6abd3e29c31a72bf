import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileModelHandler } from '../../../scripts/lib/node-io';
import { useNodeBackend } from '../../../scripts/lib/tf-node-backend';
import { createFaceLandmarker, FaceModelLoadError, validateFaceLandmarkerConfig, DEFAULT_FACE_LANDMARKER_CONFIG } from '../../../src/model/face';

const MODELS = 'public/models/vendor/human';

describe('createFaceLandmarker loading', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('rejects with FaceModelLoadError naming the missing file, and keeps no tensors of the models that did load', async () => {
    const before = tf.memory().numTensors;
    const missing = `${MODELS}/no-such-mesh.json`;
    const error = await createFaceLandmarker({
      models: { detector: fileModelHandler(`${MODELS}/blazeface.json`), mesh: fileModelHandler(missing) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceModelLoadError);
    expect((error as FaceModelLoadError).role).toBe('mesh');
    expect((error as Error).message).toContain('no-such-mesh.json');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the URL when a URL fails', async () => {
    const error = await createFaceLandmarker({
      models: { detector: 'http://127.0.0.1:9/blazeface.json', mesh: fileModelHandler(`${MODELS}/facemesh.json`) },
      loadTimeoutMs: 5000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceModelLoadError);
    expect((error as FaceModelLoadError).source).toBe('http://127.0.0.1:9/blazeface.json');
  });

  it('times out instead of hanging', async () => {
    const hanging: tf.io.IOHandler = { load: () => new Promise(() => undefined) };
    const error = await createFaceLandmarker({
      models: { detector: hanging, mesh: fileModelHandler(`${MODELS}/facemesh.json`) },
      loadTimeoutMs: 200,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceModelLoadError);
    expect((error as Error).message).toMatch(/detector.*timed out after 200 ms/);
  });

  it('refuses swapped model files by their input shape', async () => {
    const error = await createFaceLandmarker({
      models: { detector: fileModelHandler(`${MODELS}/facemesh.json`), mesh: fileModelHandler(`${MODELS}/facemesh.json`) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceModelLoadError);
    expect((error as Error).message).toMatch(/detector.*expected input \[\*, 256, 256, 3\]/);
  });
});

describe('validateFaceLandmarkerConfig', () => {
  it('fills defaults, keeps set values, and does not change its input', () => {
    expect(validateFaceLandmarkerConfig({})).toEqual(DEFAULT_FACE_LANDMARKER_CONFIG);
    const options = { maxFaces: 4, refineIris: false, minDetectionScore: undefined };
    const config = validateFaceLandmarkerConfig(options);
    expect(config).toEqual({ ...DEFAULT_FACE_LANDMARKER_CONFIG, maxFaces: 4, refineIris: false });
    expect(options).toEqual({ maxFaces: 4, refineIris: false, minDetectionScore: undefined });
  });

  it('rejects impossible values', () => {
    expect(() => validateFaceLandmarkerConfig({ maxFaces: 0 })).toThrow(RangeError);
    expect(() => validateFaceLandmarkerConfig({ minPresenceScore: 1.5 })).toThrow(RangeError);
  });
});
