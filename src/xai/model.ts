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
   * Grad-CAM layer's activations. target undefined = the predicted (argmax) class.
   */
  convGradients(image: RgbaImage, target?: number): Promise<ConvGradients>;
}

/** The Grad-CAM layer's activations A and gradients dy^c/dA, both [height × width × channels] (HWC). */
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
  /**
   * The conv layer Grad-CAM explains (usually the last; with a multi-scale head, the shallowest layer the
   * head reads, since every score must be computed from it). It may sit inside a nested model (e.g. the backbone).
   */
  gradCamLayer: string;
  /** RgbaImage of the model's input size → the network's [height, width, 3] input tensor. */
  preprocess: (image: RgbaImage) => tf.Tensor3D;
  /** Default DEFAULT_EXPLAINABLE_BATCH_SIZE; measure with measureFastestBatchSize. */
  batchSize?: number;
}

/** Fastest in the Node wasm backend measurements (8–32 within a few %); WebGL prefers larger. */
export const DEFAULT_EXPLAINABLE_BATCH_SIZE = 16;

/**
 * Wraps a tf.LayersModel whose layers after the Grad-CAM layer (a chain or any graph, all computed from
 * that layer) end in a softmax (a Dense with softmax activation, or a separate softmax Activation). The
 * pre-softmax score Grad-CAM needs is the graph's output with the final Dense's activation left out (its
 * kernel and bias applied directly), so nothing is rebuilt and the weights stay shared: the adapter owns
 * no tensors, and disposing `model` stays the caller's job.
 */
export function explainableFromLayersModel(model: tf.LayersModel, options: LayersModelAdapterOptions): ExplainableModel {
  const [, inputHeight, inputWidth] = model.inputs[0].shape as number[];
  const outputShape = model.outputs[0].shape as number[];
  const numClasses = outputShape[outputShape.length - 1];
  const { features, scores: logitsOf } = splitAtLayer(model, options.gradCamLayer);

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

type Layer = tf.layers.Layer;

/** The layers feeding `layer` in `container` (a layer reused in several models has one inbound node per use). */
function inboundLayers(container: tf.LayersModel, layer: Layer): Layer[] {
  if (container instanceof tf.Sequential) {
    const at = container.layers.indexOf(layer);
    return at > 0 ? [container.layers[at - 1]] : [];
  }
  const node = layer.inboundNodes.findIndex((_, i) => container.containerNodes.has(`${layer.name}_ib-${i}`));
  return node < 0 ? [] : layer.inboundNodes[node].inboundLayers;
}

/**
 * Runs the part of `container` computed from `start`'s output, given that output, and returns the
 * value of the container's output layer. Every layer on the way must be computed from `start` alone:
 * a feature that bypassed it would be invisible to gradients taken at `start`, so that is an error.
 */
function downstreamRunner(container: tf.LayersModel, start: Layer, layerName: string): (value: tf.Tensor, last?: (layer: Layer, input: tf.Tensor) => tf.Tensor) => tf.Tensor {
  const output = outputLayerOf(container);
  const downstream = new Set<Layer>([start]);
  const order: { layer: Layer; inputs: Layer[] }[] = [];
  for (const layer of container.layers.slice(container.layers.indexOf(start) + 1)) {
    const inputs = inboundLayers(container, layer);
    if (!inputs.some((l) => downstream.has(l))) continue;
    const bypass = inputs.find((l) => !downstream.has(l));
    if (bypass) throw new Error(`explainableFromLayersModel: layer "${layer.name}" also reads "${bypass.name}", which is not computed from "${layerName}"`);
    downstream.add(layer);
    order.push({ layer, inputs });
  }
  if (!downstream.has(output)) throw new Error(`explainableFromLayersModel: the output is not computed from "${layerName}"`);
  return (value, last) => {
    const values = new Map<Layer, tf.Tensor>([[start, value]]);
    for (const { layer, inputs } of order) {
      const args = inputs.map((l) => values.get(l)!);
      const input = args.length === 1 ? args[0] : args;
      values.set(layer, layer === output && last ? last(layer, input as tf.Tensor) : (layer.apply(input, { training: false }) as tf.Tensor));
      if (layer === output) break;
    }
    return values.get(output)!;
  };
}

/**
 * The model up to the named layer, and the class scores as a function of that layer's activations
 * (any graph after it; the layer may sit inside a nested model, e.g. the backbone).
 */
function splitAtLayer(model: tf.LayersModel, name: string): { features: tf.LayersModel; scores: (activations: tf.Tensor4D) => tf.Tensor2D } {
  const target = model.layers.find((l) => l.name === name);
  const nested = model.layers.findIndex((l) => l instanceof tf.LayersModel && l.layers.some((inner) => inner.name === name));
  if (!target && nested < 0) throw new Error(`explainableFromLayersModel: no layer named "${name}"`);
  const finalScores = preSoftmax(outputLayerOf(model));
  if (target) {
    const run = downstreamRunner(model, target, name);
    return { features: tf.model({ inputs: model.inputs, outputs: target.output as tf.SymbolicTensor }), scores: (a) => run(a, finalScores) as tf.Tensor2D };
  }
  const inner = model.layers[nested] as tf.LayersModel;
  if (model.layers.slice(0, nested).some((l) => l.getClassName() !== 'InputLayer')) {
    throw new Error(`explainableFromLayersModel: layers before the nested model "${inner.name}" are not supported`);
  }
  const at = inner.layers.find((l) => l.name === name)!;
  const runInner = downstreamRunner(inner, at, name);
  const runOuter = downstreamRunner(model, inner, name);
  return {
    features: tf.model({ inputs: inner.inputs, outputs: at.output as tf.SymbolicTensor }),
    scores: (a) => runOuter(runInner(a), finalScores) as tf.Tensor2D,
  };
}

function outputLayerOf(container: tf.LayersModel): Layer {
  return container instanceof tf.Sequential ? container.layers[container.layers.length - 1] : container.outputLayers[0];
}

/** The output layer without its softmax, applied to its input: the class scores y^c. */
function preSoftmax(last: Layer): (layer: Layer, input: tf.Tensor) => tf.Tensor {
  const config = last.getConfig();
  if (last.getClassName() === 'Activation' && config.activation === 'softmax') return (_, input) => input;
  if (last.getClassName() === 'Dense' && config.activation === 'softmax') {
    return (_, input) => {
      const [kernel, bias] = last.getWeights();
      const scores = tf.matMul(input as tf.Tensor2D, kernel as tf.Tensor2D);
      return bias ? tf.add(scores, bias) : scores;
    };
  }
  throw new Error('explainableFromLayersModel: the head must end in a softmax Dense or a softmax Activation layer');
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
