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
   * Grad-CAM layers' activations. target undefined = the predicted (argmax) class.
   */
  convGradients(image: RgbaImage, target?: number): Promise<ConvGradients>;
}

/** The Grad-CAM layers' activations A and gradients dy^c/dA, both [height × width × channels] (HWC; several layers' channels concatenated). */
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
   * The conv layer(s) Grad-CAM explains: usually the last one; for a head that reads several blocks, all of
   * them (same height × width; their channels are concatenated), since every score must be computed from
   * them. They may sit inside a nested model (e.g. the backbone).
   */
  gradCamLayers: readonly string[];
  /** RgbaImage of the model's input size → the network's [height, width, 3] input tensor. */
  preprocess: (image: RgbaImage) => tf.Tensor3D;
  /** Default DEFAULT_EXPLAINABLE_BATCH_SIZE; measure with measureFastestBatchSize. */
  batchSize?: number;
}

/** Fastest in the Node wasm backend measurements (8–32 within a few %); WebGL prefers larger. */
export const DEFAULT_EXPLAINABLE_BATCH_SIZE = 16;

/**
 * Wraps a tf.LayersModel whose layers after the Grad-CAM layers (a chain or any graph, all computed from
 * those layers) end in a softmax (a Dense with softmax activation, or a separate softmax Activation). The
 * pre-softmax score Grad-CAM needs is the graph's output with the final Dense's activation left out (its
 * kernel and bias applied directly), so nothing is rebuilt and the weights stay shared: the adapter owns
 * no tensors, and disposing `model` stays the caller's job.
 */
export function explainableFromLayersModel(model: tf.LayersModel, options: LayersModelAdapterOptions): ExplainableModel {
  const [, inputHeight, inputWidth] = model.inputs[0].shape as number[];
  const outputShape = model.outputs[0].shape as number[];
  const numClasses = outputShape[outputShape.length - 1];
  const { features, scores: logitsOf } = splitAtLayers(model, options.gradCamLayers);

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
        const activations = features(inputBatch([image]));
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
 * Runs what `container`'s output needs from the `starts` layers' outputs, given those outputs (in the
 * order of `starts`). Every path to the output must pass through a start: a feature that bypassed them
 * would be invisible to gradients taken there, so that is an error.
 */
function runnerFrom(container: tf.LayersModel, starts: readonly Layer[], names: string): (values: readonly tf.Tensor[], last?: (input: tf.Tensor) => tf.Tensor) => tf.Tensor {
  const output = outputLayerOf(container);
  const needed = new Set<Layer>();
  const pending: { layer: Layer; reader?: Layer }[] = [{ layer: output }];
  while (pending.length > 0) {
    const { layer, reader } = pending.pop()!;
    if (starts.includes(layer) || needed.has(layer)) continue;
    const inputs = inboundLayers(container, layer);
    if (inputs.length === 0) {
      throw new Error(`explainableFromLayersModel: layer "${reader?.name ?? layer.name}" reads "${layer.name}", which is not computed from ${names}`);
    }
    needed.add(layer);
    pending.push(...inputs.map((input) => ({ layer: input, reader: layer })));
  }
  const order = container.layers.filter((l) => needed.has(l)).map((layer) => ({ layer, inputs: inboundLayers(container, layer) }));
  return (startValues, last) => {
    const values = new Map<Layer, tf.Tensor>(starts.map((l, i) => [l, startValues[i]]));
    for (const { layer, inputs } of order) {
      const args = inputs.map((l) => values.get(l)!);
      const input = args.length === 1 ? args[0] : args;
      values.set(layer, layer === output && last ? last(input as tf.Tensor) : (layer.apply(input, { training: false }) as tf.Tensor));
    }
    return values.get(output)!;
  };
}

/**
 * The named layers' activations concatenated along channels (they must share height and width), and the
 * class scores as a function of them. The layers may sit inside a nested model (e.g. the backbone). With
 * several layers (a head reading several blocks), Grad-CAM weighs the channels of all of them: the scores'
 * dependence on each is direct, through the head, and the backbone between them is treated like the layers
 * below a single Grad-CAM layer.
 */
function splitAtLayers(model: tf.LayersModel, names: readonly string[]): { features: (x: tf.Tensor4D) => tf.Tensor4D; scores: (activations: tf.Tensor4D) => tf.Tensor2D } {
  const label = names.map((n) => `"${n}"`).join(' + ');
  const holder = names.every((n) => model.layers.some((l) => l.name === n))
    ? model
    : model.layers.find((l): l is tf.LayersModel => l instanceof tf.LayersModel && names.every((n) => l.layers.some((inner) => inner.name === n)));
  if (!holder) throw new Error(`explainableFromLayersModel: no layer named ${label}${names.length > 1 ? ' (all in one model)' : ''}`);
  const finalScores = preSoftmax(outputLayerOf(model));
  const starts = names.map((n) => holder.layers.find((l) => l.name === n)!);
  const shapes = starts.map((l) => l.outputShape as number[]);
  if (shapes.some((shape) => shape[1] !== shapes[0][1] || shape[2] !== shapes[0][2])) {
    throw new Error(`explainableFromLayersModel: ${label} differ in height × width`);
  }
  const channels = shapes.map((shape) => shape[3]);
  const maps = tf.model({ inputs: holder.inputs, outputs: starts.map((l) => l.output as tf.SymbolicTensor) });
  const features = (x: tf.Tensor4D) => {
    const out = maps.predict(x);
    return (Array.isArray(out) ? tf.concat(out, 3) : out) as tf.Tensor4D;
  };
  const split = (a: tf.Tensor4D) => (channels.length === 1 ? [a] : tf.split(a, channels, 3));
  if (holder === model) {
    const run = runnerFrom(model, starts, label);
    return { features, scores: (a) => run(split(a), finalScores) as tf.Tensor2D };
  }
  const before = model.layers.slice(0, model.layers.indexOf(holder));
  if (before.some((l) => l.getClassName() !== 'InputLayer')) {
    throw new Error(`explainableFromLayersModel: layers before the nested model "${holder.name}" are not supported`);
  }
  const runInner = runnerFrom(holder, starts, label);
  const runOuter = runnerFrom(model, [holder], label);
  return { features, scores: (a) => runOuter([runInner(split(a))], finalScores) as tf.Tensor2D };
}

function outputLayerOf(container: tf.LayersModel): Layer {
  return container instanceof tf.Sequential ? container.layers[container.layers.length - 1] : container.outputLayers[0];
}

/** The output layer without its softmax, applied to its input: the class scores y^c. */
function preSoftmax(last: Layer): (input: tf.Tensor) => tf.Tensor {
  const config = last.getConfig();
  if (last.getClassName() === 'Activation' && config.activation === 'softmax') return (input) => input;
  if (last.getClassName() === 'Dense' && config.activation === 'softmax') {
    return (input) => {
      const [kernel, bias] = last.getWeights();
      const scores = tf.matMul(input as tf.Tensor2D, kernel as tf.Tensor2D);
      return bias ? tf.add(scores, bias) : scores;
    };
  }
  throw new Error('explainableFromLayersModel: the head must end in a softmax Dense or a softmax Activation layer');
}

/**
 * Times `predict` on `images` (repeated to a few batches per candidate) and returns the batch size
 * with the lowest time per image on the current backend. One warm-up batch per candidate. `now` is
 * the clock (tests pass a simulated one).
 */
export async function measureFastestBatchSize(
  predict: (images: readonly RgbaImage[]) => Promise<Float32Array>,
  image: RgbaImage,
  candidates: readonly number[] = [1, 4, 8, 16, 32, 64],
  imagesPerCandidate = 64,
  now: () => number = () => performance.now(),
): Promise<{ batchSize: number; msPerImage: Record<number, number> }> {
  const msPerImage: Record<number, number> = {};
  let best = candidates[0];
  for (const size of candidates) {
    const batch = new Array<RgbaImage>(size).fill(image);
    await predict(batch);
    const rounds = Math.max(1, Math.round(imagesPerCandidate / size));
    const start = now();
    for (let r = 0; r < rounds; r++) await predict(batch);
    msPerImage[size] = (now() - start) / (rounds * size);
    if (msPerImage[size] < msPerImage[best]) best = size;
  }
  return { batchSize: best, msPerImage };
}
