import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCombined } from '../../../src/xai/combined';
import { createGradCam, gradCamWeights } from '../../../src/xai/gradcam';
import { createLime, DEFAULT_LIME_OPTIONS, FAST_LIME_OPTIONS } from '../../../src/xai/lime';
import { explainSet } from '../../../src/xai/explain-set';
import { explainableFromLayersModel, type ExplainableModel } from '../../../src/xai/model';
import { combinedSaliency, limeSaliency } from '../../../src/xai/saliency';
import { REGION, SIZE, buildRegionModel, gridSegmentation, inRegion, regionImage, toyPreprocess } from './toy-models';
import { useCpuBackend } from './setup-tf';

let model: ExplainableModel;
const image = regionImage();
const grid = gridSegmentation(SIZE, SIZE, 8);
const regionCell = (REGION.y0 / 8) * (SIZE / 8) + REGION.x0 / 8;
const limeOptions = { numSamples: 300, batchSize: 32 };
const gridStage = { segment: () => grid };

function argMaxPixel(values: Float32Array): { x: number; y: number } {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return { x: best % SIZE, y: Math.floor(best / SIZE) };
}

async function expectNoLeak(run: () => Promise<unknown>): Promise<void> {
  const before = tf.memory().numTensors;
  await run();
  expect(tf.memory().numTensors).toBe(before);
}

beforeAll(async () => {
  await useCpuBackend();
  model = explainableFromLayersModel(buildRegionModel(), { gradCamLayers: ['conv'], preprocess: toyPreprocess, batchSize: 16 });
});

describe('explainableFromLayersModel', () => {
  it('gives pre-softmax scores whose softmax is the model output, and gradients of the chosen class', async () => {
    const [probs, conv] = await Promise.all([model.predict([image]), model.convGradients(image)]);
    expect(conv.target).toBe(0);
    expect([conv.height, conv.width, conv.channels]).toEqual([SIZE, SIZE, 2]);
    const e = Array.from(conv.logits, Math.exp);
    e.forEach((v, i) => expect(v / (e[0] + e[1])).toBeCloseTo(probs[i], 5));
    expect(conv.logits[0]).toBeCloseTo(0.002 * 32 * 127, 3); // 32 bright stripes pixels in R, relu(255-128)
    // d score_0 / d f0 = 0.002 inside R, 0 outside; nothing flows to channel 1
    expect(conv.gradients[((REGION.y0 * SIZE + REGION.x0) * 2)]).toBeCloseTo(0.002, 6);
    expect(conv.gradients[0]).toBe(0);
    expect(conv.gradients[((REGION.y0 * SIZE + REGION.x0) * 2) + 1]).toBe(0);
    const other = await model.convGradients(image, 1);
    expect(other.target).toBe(1);
    expect(other.gradients.every((g) => g === 0)).toBe(true); // class 1's score is a constant
  });

  it('finds the last conv layer inside a nested backbone', async () => {
    const inner = buildRegionModel();
    const backbone = tf.model({ inputs: inner.inputs, outputs: inner.getLayer('conv').output as tf.SymbolicTensor, name: 'backbone' });
    const head = inner.layers.slice(2);
    const outer = tf.sequential({ layers: [backbone, ...head] });
    const nested = explainableFromLayersModel(outer, { gradCamLayers: ['conv'], preprocess: toyPreprocess });
    const [a, b] = await Promise.all([nested.convGradients(image), model.convGradients(image)]);
    expect(Array.from(a.logits)).toEqual(Array.from(b.logits));
    expect(Array.from(a.gradients)).toEqual(Array.from(b.gradients));
  });

  it('follows a branching head: Grad-CAM over several tapped layers, or over the shallowest alone', async () => {
    const input = tf.input({ shape: [SIZE, SIZE, 3] });
    const shallow = tf.layers.conv2d({ name: 'shallow', filters: 2, kernelSize: 1, activation: 'relu', kernelInitializer: tf.initializers.randomNormal({ seed: 1 }) });
    const deep = tf.layers.conv2d({ name: 'deep', filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.randomNormal({ seed: 2, stddev: 0.5 }) });
    const a = shallow.apply(input) as tf.SymbolicTensor;
    const b = deep.apply(a) as tf.SymbolicTensor;
    const pooled = [tf.layers.globalAveragePooling2d({}).apply(a), tf.layers.globalMaxPooling2d({}).apply(a), tf.layers.globalAveragePooling2d({}).apply(b)] as tf.SymbolicTensor[];
    const dense = tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.randomNormal({ seed: 3, stddev: 0.5 }) });
    const branching = tf.model({ inputs: input, outputs: dense.apply(tf.layers.concatenate().apply(pooled)) as tf.SymbolicTensor });
    // the scores written out with tf ops, as a function of both maps
    const scores = (s: tf.Tensor4D, d: tf.Tensor4D) => {
      const [kernel, bias] = dense.getWeights();
      const features = tf.concat([tf.mean(s, [1, 2]), tf.max(s, [1, 2]), tf.mean(d, [1, 2])], 1);
      return tf.add(tf.matMul(features, kernel as tf.Tensor2D), bias);
    };
    const select = tf.oneHot([2], 3);
    const maxDiff = (got: Float32Array, want: Float32Array | Uint8Array | Int32Array) => got.reduce((m, g, i) => Math.max(m, Math.abs(g - want[i])), 0);

    // both maps: channels concatenated (2 + 3), each map's gradient through the head only
    const both = await explainableFromLayersModel(branching, { gradCamLayers: ['shallow', 'deep'], preprocess: toyPreprocess }).convGradients(image, 2);
    const [logits, expected] = tf.tidy(() => {
      const s = shallow.apply(tf.expandDims(toyPreprocess(image))) as tf.Tensor4D;
      const d = deep.apply(s) as tf.Tensor4D;
      const [gs, gd] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(scores(x as tf.Tensor4D, y as tf.Tensor4D), select)))([s, d]);
      return [scores(s, d).dataSync(), tf.concat([gs, gd], 3).dataSync()];
    });
    expect([both.height, both.width, both.channels]).toEqual([SIZE, SIZE, 5]);
    Array.from(both.logits).forEach((v, i) => expect(v).toBeCloseTo(logits[i], 4));
    expect(maxDiff(both.gradients, expected)).toBeLessThan(1e-5);

    // the shallow map alone: the deep branch is run from it, so its gradient flows through the deep conv too
    const alone = await explainableFromLayersModel(branching, { gradCamLayers: ['shallow'], preprocess: toyPreprocess }).convGradients(image, 2);
    const throughDeep = tf.tidy(() => {
      const s = shallow.apply(tf.expandDims(toyPreprocess(image))) as tf.Tensor4D;
      return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(scores(x as tf.Tensor4D, deep.apply(x) as tf.Tensor4D), select)))(s).dataSync();
    });
    expect(alone.channels).toBe(2);
    expect(maxDiff(alone.gradients, throughDeep)).toBeLessThan(1e-5);
    expect(maxDiff(alone.gradients, expected.filter((_, i) => i % 5 < 2))).toBeGreaterThan(1e-4);

    // the deep map alone: the head's shallow pools bypass it, refused rather than silently ignored
    expect(() => explainableFromLayersModel(branching, { gradCamLayers: ['deep'], preprocess: toyPreprocess })).toThrow(/reads ".*", which is not computed from "deep"/);
    branching.dispose();
    select.dispose();
  });

  it('rejects a head without a softmax and an unknown layer', () => {
    const input = tf.input({ shape: [4, 4, 3] });
    const conv = tf.layers.conv2d({ name: 'c', filters: 1, kernelSize: 1 }).apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2 }).apply(tf.layers.flatten().apply(conv)) as tf.SymbolicTensor;
    const linear = tf.model({ inputs: input, outputs: out });
    expect(() => explainableFromLayersModel(linear, { gradCamLayers: ['c'], preprocess: toyPreprocess })).toThrow(/softmax/);
    expect(() => explainableFromLayersModel(linear, { gradCamLayers: ['nope'], preprocess: toyPreprocess })).toThrow(/no layer/);
  });

  it('leaks no tensor', async () => {
    await expectNoLeak(() => model.predict([image, image, image]));
    await expectNoLeak(() => model.convGradients(image));
  });
});

describe('Grad-CAM', () => {
  it('channel weights are the spatial mean of the gradients', () => {
    const w = gradCamWeights({ height: 1, width: 2, channels: 2, gradients: Float32Array.of(1, 4, 3, -2), activations: new Float32Array(4), logits: new Float32Array(2), probabilities: new Float32Array(2), target: 0 });
    expect(Array.from(w)).toEqual([2, 1]);
  });

  it('peaks inside the region the model looks at, in [0, 1] at the image size', async () => {
    const result = await createGradCam(model).explain(image);
    expect(result.target).toBe(0);
    expect([result.map.width, result.map.height]).toEqual([SIZE, SIZE]);
    const peak = argMaxPixel(result.map.values);
    expect(inRegion(peak.x, peak.y)).toBe(true);
    expect(Math.max(...result.map.values)).toBeCloseTo(1, 4); // scaled by 1e-7 + max, as pytorch-grad-cam does
    expect(Math.min(...result.map.values)).toBe(0);
    // the decoy (green stripes, top left) gets nothing
    expect(result.map.values[0 * SIZE + 0]).toBe(0);
    expect(() => structuredClone(result)).not.toThrow();
  });

  it('leaks no tensor, reports progress and can be cancelled', async () => {
    await expectNoLeak(() => createGradCam(model).explain(image));
    const stages: string[] = [];
    await createGradCam(model).explain(image, { onProgress: (p) => stages.push(`${p.stage}:${p.fraction}`) });
    expect(stages).toEqual(['gradcam:0', 'gradcam:1']);
    const controller = new AbortController();
    controller.abort();
    await expect(createGradCam(model).explain(image, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

describe('LIME', () => {
  it('puts the region the model looks at first, with a surrogate that fits', async () => {
    const result = await createLime(model, limeOptions, gridStage).explain(image);
    expect(result.target).toBe(0);
    expect(result.topSegments[0]).toBe(regionCell);
    expect(result.coefficients[regionCell]).toBeGreaterThan(0.5);
    expect(result.r2).toBeGreaterThan(0.9);
    expect(result.localPrediction).toBeCloseTo(result.probabilities[0], 1);
    expect(result.numSamples).toBe(300);
    expect(() => structuredClone(result)).not.toThrow();
    const saliency = limeSaliency(result);
    const peak = argMaxPixel(saliency.values);
    expect(inRegion(peak.x, peak.y)).toBe(true);
  });

  it('is deterministic for a seed', async () => {
    const a = await createLime(model, { ...limeOptions, seed: 9 }, gridStage).explain(image);
    const b = await createLime(model, { ...limeOptions, seed: 9 }, gridStage).explain(image);
    expect(a.coefficients).toEqual(b.coefficients);
  });

  it('uses the model batch size by default and each stage it is given', async () => {
    const sizes: number[] = [];
    const counting: ExplainableModel = { ...model, predict: (images) => (sizes.push(images.length), model.predict(images)) };
    let fitted = false;
    await createLime(counting, { numSamples: 40 }, {
      ...gridStage,
      fitSurrogate: (_x, n, p, _y, _w, alpha) => {
        fitted = true;
        expect([n, p, alpha]).toEqual([40, 16, 1]);
        return { coefficients: new Array(p).fill(0), intercept: 0, r2: 0 };
      },
    }).explain(image);
    expect(sizes).toEqual([16, 16, 8]);
    expect(fitted).toBe(true);
  });

  it('leaks no tensor; cancels between batches and still leaks nothing', async () => {
    await expectNoLeak(() => createLime(model, limeOptions, gridStage).explain(image));
    const controller = new AbortController();
    const fractions: number[] = [];
    const before = tf.memory().numTensors;
    const run = createLime(model, limeOptions, gridStage).explain(image, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'predict') fractions.push(p.fraction);
        if (p.stage === 'predict' && p.fraction > 0.3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(fractions.length).toBeLessThan(300 / 32);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('combined Grad-CAM + LIME', () => {
  it('runs LIME on the heatmap overlay E for the Grad-CAM class, and ranks the region first', async () => {
    const segmentedImages: Uint8ClampedArray[] = [];
    const result = await createCombined(model, { lime: limeOptions }, { segment: (e) => (segmentedImages.push(e.data), grid) }).explain(image);
    expect(result.target).toBe(0);
    expect(result.lime.target).toBe(0);
    expect(segmentedImages).toHaveLength(1);
    expect(segmentedImages[0]).toEqual(result.overlay.data); // superpixels were computed on E
    expect(result.overlay.data).not.toEqual(image.data);
    expect(result.lime.topSegments[0]).toBe(regionCell);
    const saliency = combinedSaliency(result);
    const peak = argMaxPixel(saliency.values);
    expect(inRegion(peak.x, peak.y)).toBe(true);
    expect(() => structuredClone(result)).not.toThrow();
  });

  it('reports both stages, leaks no tensor, cancels', async () => {
    const stages = new Set<string>();
    await expectNoLeak(() => createCombined(model, { lime: limeOptions }, gridStage).explain(image, { onProgress: (p) => stages.add(p.stage) }));
    expect([...stages]).toEqual(['gradcam', 'overlay', 'segment', 'predict', 'fit']);
    const controller = new AbortController();
    const run = createCombined(model, { lime: limeOptions }, gridStage).explain(image, {
      signal: controller.signal,
      onProgress: (p) => p.stage === 'overlay' && controller.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
  });
});

describe('explainSet (what Explain runs)', () => {
  const counting = () => {
    const counts = { images: 0, gradients: 0 };
    const wrapped: ExplainableModel = {
      ...model,
      predict: (images) => ((counts.images += images.length), model.predict(images)),
      convGradients: (img, target) => (counts.gradients++, model.convGradients(img, target)),
    };
    return { counts, wrapped };
  };

  it('shows Grad-CAM first, then LIME, then finishes with the combined view; fast mode runs an eighth of the forwards', async () => {
    const partials: string[][] = [];
    const fast = counting();
    const set = await explainSet(fast.wrapped, image, { method: 'all', limeMode: 'fast', onPartial: (s) => partials.push(Object.keys(s).sort()) });
    expect(partials).toEqual([['frame', 'gradcam'], ['frame', 'gradcam', 'lime']]);
    expect(Object.keys(set).sort()).toEqual(['combined', 'frame', 'gradcam', 'lime']);
    expect(set.combined!.gradcam).toBe(set.gradcam); // Grad-CAM computed once
    expect(fast.counts.gradients).toBe(1);
    expect(set.lime!.numSamples).toBe(FAST_LIME_OPTIONS.numSamples);
    const reference = counting();
    await explainSet(reference.wrapped, image, { method: 'all', limeMode: 'reference' });
    expect(reference.counts.images).toBe(2 * DEFAULT_LIME_OPTIONS.numSamples);
    expect(fast.counts.images * 8).toBeLessThanOrEqual(reference.counts.images);
  });

  it('fast LIME ranks first the superpixel that holds the region the model looks at, as the reference does', async () => {
    const regionCentre = ((REGION.y0 + REGION.y1) / 2) * SIZE + (REGION.x0 + REGION.x1) / 2;
    for (const limeMode of ['fast', 'reference'] as const) {
      const { lime } = await explainSet(model, image, { method: 'lime', limeMode });
      expect(lime!.topSegments[0]).toBe(lime!.segmentation.labels[regionCentre]);
    }
  });

  it('Grad-CAM alone has no partial result; a cancelled run stops', async () => {
    const partials: unknown[] = [];
    const set = await explainSet(model, image, { method: 'gradcam', limeMode: 'fast', onPartial: (s) => partials.push(s) });
    expect(partials).toEqual([]);
    expect(Object.keys(set).sort()).toEqual(['frame', 'gradcam']);
    const controller = new AbortController();
    const run = explainSet(model, image, { method: 'combined', limeMode: 'fast', signal: controller.signal, onPartial: () => controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
  });
});
