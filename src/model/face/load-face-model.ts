import * as tf from '@tensorflow/tfjs';
import { settleWithin } from '../load-timeout';
import { errorText } from '../../error-text';

/** A model location: a URL in the browser, or an IOHandler (e.g. scripts/lib/node-io fileModelHandler) in Node. */
export type ModelSource = string | tf.io.IOHandler;

/** A face model file could not be loaded (missing, unreadable, timed out, or not the expected model). */
export class FaceModelLoadError extends Error {
  override readonly name = 'FaceModelLoadError';
  constructor(
    /** Which model: 'detector', 'mesh' or 'iris'. */
    readonly role: string,
    /** The URL, or a description of the IOHandler. */
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not load the face ${role} model from ${source}: ${message}`, options);
  }
}

/**
 * Loads a graph model, rejecting with FaceModelLoadError (never hanging past `timeoutMs`), and checks
 * that its input is [*, size, size, 3] so that swapped files fail here and not in the first frame.
 */
export async function loadFaceModel(role: string, source: ModelSource, inputSize: number, timeoutMs: number): Promise<tf.GraphModel> {
  const where = typeof source === 'string' ? source : 'an IOHandler';
  let model: tf.GraphModel;
  try {
    model = await settleWithin(tf.loadGraphModel(source), timeoutMs, () => new FaceModelLoadError(role, where, `timed out after ${timeoutMs} ms`), (late) => late.dispose());
  } catch (error) {
    if (error instanceof FaceModelLoadError) throw error;
    throw new FaceModelLoadError(role, where, errorText(error), { cause: error });
  }
  const shape = model.inputs[0]?.shape ?? [];
  if (shape.length !== 4 || shape[1] !== inputSize || shape[2] !== inputSize || shape[3] !== 3) {
    model.dispose();
    throw new FaceModelLoadError(role, where, `expected input [*, ${inputSize}, ${inputSize}, 3], got [${shape.join(', ')}]`);
  }
  return model;
}
