import * as tf from '@tensorflow/tfjs';
import type { RgbaImage } from '../image';

/**
 * All the explainers need from a classifier. Images are the model's input size (inputWidth ×
 * inputHeight): explanations are of what the network sees. Outputs are plain arrays, so the
 * explainers are plain TypeScript and toy models are easy to write.
 */
export interface ExplainableModel {
  readonly inputWidth: number;
  readonly inputHeight: number;
  readonly numClasses: number;
  /** The batch size at which `predict` is fastest on the current backend (see measureFastestBatchSize). */
  readonly batchSize: number;
  /** Class probabilities, row-major [images.length × numClasses]. */
  predict(images: readonly RgbaImage[]): Promise<Float32Array>;
  /**
   * One forward pass, and the gradient of the target class's pre-softmax score with respect to the
   * last conv layer's activations. target undefined = the predicted (argmax) class.
   */
  convGradients(image: RgbaImage, target?: number): Promise<ConvGradients>;
}

/** The last conv layer's activations A and gradients dy^c/dA, both [height × width × channels] (HWC). */
export interface ConvGradients {
  height: number;
  width: number;
  channels: number;
  activations: Float32Array;
  gradients: Float32Array;
  logits: Float32Array;
  probabilities: Float32Array;
  /** The class the gradients are of. */
  target: number;
}

export interface LayersModelAdapterOptions {
  /** Name of the last conv layer; it may sit inside a nested model (e.g. the backbone). */
  lastConvLayer: string;
  /** RgbaImage of the model's input size → the network's [height, width, 3] input tensor. */
  preprocess: (image: RgbaImage) => tf.Tensor3D;
  /** Default DEFAULT_EXPLAINABLE_BATCH_SIZE; measure with measureFastestBatchSize. */
  batchSize?: number;
}

/** Fastest in the Node wasm backend measurements (8–32 within a few %); WebGL prefers larger. */
export const DEFAULT_EXPLAINABLE_BATCH_SIZE = 16;

/**
 * Wraps a tf.LayersModel whose head after the last conv layer is a chain of layers ending in a
 * softmax (a Dense with softmax activation, or a separate softmax Activation). The pre-softmax score
 * Grad-CAM needs is the chain's output with the final Dense's activation left out (its kernel and
 * bias applied directly), so nothing is rebuilt and the weights stay shared: the adapter owns no
 * tensors, and disposing `model` stays the caller's job.
 */
export function explainableFromLayersModel(model: tf.LayersModel, options: LayersModelAdapterOptions): ExplainableModel {
  const [, inputHeight, inputWidth] = model.inputs[0].shape as number[];
  const outputShape = model.outputs[0].shape as number[];
  const numClasses = outputShape[outputShape.length - 1];
  const { features, head } = splitAtLayer(model, options.lastConvLayer);
  const logitsOf = headLogits(head);

  const inputBatch = (images: readonly RgbaImage[]): tf.Tensor4D =>
    tf.stack(images.map((image) => options.preprocess(image))) as tf.Tensor4D;

  return {
    inputWidth,
    inputHeight,
    numClasses,
    batchSize: options.batchSize ?? DEFAULT_EXPLAINABLE_BATCH_SIZE,
    async predict(images) {
      if (images.length === 0) return new Float32Array(0);
      const probabilities = tf.tidy(() => model.predict(inputBatch(images)) as tf.Tensor);
      try {
        return (await probabilities.data()) as Float32Array;
      } finally {
        probabilities.dispose();
      }
    },
    async convGradients(image, target) {
      const outputs = tf.tidy(() => {
        const activations = features.predict(inputBatch([image])) as tf.Tensor4D;
        const logits = logitsOf(activations);
        const classIndex = target === undefined ? tf.argMax(logits, 1) : tf.tensor1d([target], 'int32');
        const selector = tf.oneHot(classIndex, numClasses);
        const gradients = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(logitsOf(a as tf.Tensor4D), selector)))(activations);
        return [activations, gradients, logits, tf.softmax(logits)];
      });
      try {
        const [activations, gradients, logits, probabilities] = (await Promise.all(outputs.map((t) => t.data()))) as Float32Array[];
        const [, height, width, channels] = outputs[0].shape;
        return {
          height,
          width,
          channels,
          activations,
          gradients,
          logits,
          probabilities,
          target: target ?? argMax(logits),
        };
      } finally {
        tf.dispose(outputs);
      }
    },
  };
}

function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The model up to the named layer (any graph), and the chain of layers after it. */
function splitAtLayer(model: tf.LayersModel, name: string): { features: tf.LayersModel; head: tf.layers.Layer[] } {
  const top = model.layers.findIndex((l) => l.name === name);
  if (top >= 0) {
    return { features: tf.model({ inputs: model.inputs, outputs: model.layers[top].output as tf.SymbolicTensor }), head: model.layers.slice(top + 1) };
  }
  for (let i = 0; i < model.layers.length; i++) {
    const inner = model.layers[i];
    if (!(inner instanceof tf.LayersModel)) continue;
    const at = inner.layers.findIndex((l) => l.name === name);
    if (at < 0) continue;
    if (model.layers.slice(0, i).some((l) => l.getClassName() !== 'InputLayer')) {
      throw new Error(`explainableFromLayersModel: layers before the nested model "${inner.name}" are not supported`);
    }
    return {
      features: tf.model({ inputs: inner.inputs, outputs: inner.layers[at].output as tf.SymbolicTensor }),
      head: [...inner.layers.slice(at + 1), ...model.layers.slice(i + 1)],
    };
  }
  throw new Error(`explainableFromLayersModel: no layer named "${name}"`);
}

/** Applies the head chain up to (not including) the softmax: the class scores y^c. */
function headLogits(head: tf.layers.Layer[]): (activations: tf.Tensor4D) => tf.Tensor2D {
  const last = head[head.length - 1];
  const config = last?.getConfig() ?? {};
  const isSoftmaxActivation = last?.getClassName() === 'Activation' && config.activation === 'softmax';
  const isSoftmaxDense = last?.getClassName() === 'Dense' && config.activation === 'softmax';
  if (!isSoftmaxActivation && !isSoftmaxDense) {
    throw new Error('explainableFromLayersModel: the head must end in a softmax Dense or a softmax Activation layer');
  }
  const chain = head.slice(0, -1);
  return (activations) => {
    let x: tf.Tensor = activations;
    for (const layer of chain) x = layer.apply(x, { training: false }) as tf.Tensor;
    if (isSoftmaxActivation) return x as tf.Tensor2D;
    const [kernel, bias] = last.getWeights();
    const scores = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
    return (bias ? tf.add(scores, bias) : scores) as tf.Tensor2D;
  };
}

/**
 * Times `predict` on `images` (repeated to a few batches per candidate) and returns the batch size
 * with the lowest time per image on the current backend. One warm-up batch per candidate.
 */
export async function measureFastestBatchSize(
  predict: (images: readonly RgbaImage[]) => Promise<Float32Array>,
  image: RgbaImage,
  candidates: readonly number[] = [1, 4, 8, 16, 32, 64],
  imagesPerCandidate = 64,
): Promise<{ batchSize: number; msPerImage: Record<number, number> }> {
  const msPerImage: Record<number, number> = {};
  let best = candidates[0];
  for (const size of candidates) {
    const batch = new Array<RgbaImage>(size).fill(image);
    await predict(batch);
    const rounds = Math.max(1, Math.round(imagesPerCandidate / size));
    const start = performance.now();
    for (let r = 0; r < rounds; r++) await predict(batch);
    msPerImage[size] = (performance.now() - start) / (rounds * size);
    if (msPerImage[size] < msPerImage[best]) best = size;
  }
  return { batchSize: best, msPerImage };
}
