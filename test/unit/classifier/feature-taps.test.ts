import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureTapsId, lastConvAverage, MOBILENET_V1_TAPS, pooledFeatureModel } from '../../../scripts/lib/classifier/feature-taps';
import { assembleClassifier, buildHead, foldStandardization, LOGITS_LAYER, trainHead } from '../../../scripts/lib/classifier/head';
import { buildMobileNetV1 } from '../../../scripts/lib/classifier/mobilenet-v1';
import { explainableFromLayersModel } from '../../../src/xai/model';
import { useCpuBackend } from '../xai/setup-tf';

beforeAll(useCpuBackend);

describe('pooled feature taps', () => {
  it('concatenates average and max pools of each tapped layer, and stops at the deepest tap', () => {
    const backbone = buildMobileNetV1(64);
    const features = pooledFeatureModel(backbone, MOBILENET_V1_TAPS);
    expect(features.outputs[0].shape).toEqual([null, 2 * (512 + 512)]);
    const names = features.layers.map((l) => l.name);
    expect(names).toContain('conv_pw_9');
    expect(names).not.toContain('conv_dw_10');
    const x = tf.randomUniform([2, 64, 64, 3], -1, 1, 'float32', 4);
    const maps = tf.model({ inputs: backbone.inputs, outputs: MOBILENET_V1_TAPS.layers.map((n) => backbone.getLayer(n).output as tf.SymbolicTensor) }).predict(x) as tf.Tensor4D[];
    const expected = tf.concat(maps.flatMap((m) => [tf.mean(m, [1, 2]), tf.max(m, [1, 2])]), 1);
    const got = features.predict(x) as tf.Tensor2D;
    expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-5);
    expect(pooledFeatureModel(backbone, lastConvAverage('conv_pw_13')).outputs[0].shape).toEqual([null, 1024]);
    expect(featureTapsId(MOBILENET_V1_TAPS)).toBe('conv_pw_7+conv_pw_9:avg+max');
    tf.dispose([x, ...maps, expected, got]);
    backbone.dispose();
  });

  it('assembles into a classifier that Grad-CAM explains over its tapped layers', async () => {
    const backbone = buildMobileNetV1(64);
    const features = pooledFeatureModel(backbone, MOBILENET_V1_TAPS);
    const head = buildHead(2048, 5, { dropout: 0, seed: 1, l2: 0 });
    const model = assembleClassifier(features, head, 2);
    const explainable = explainableFromLayersModel(model, { gradCamLayers: MOBILENET_V1_TAPS.layers, preprocess: (img) => tf.zeros([img.height, img.width, 3]) });
    const conv = await explainable.convGradients({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4) });
    expect([conv.height, conv.width, conv.channels]).toEqual([4, 4, 1024]);
    backbone.dispose();
    head.dispose();
  });
});

describe('standardised head', () => {
  it('folding the z-scoring into the layer gives the same scores on raw features', () => {
    const dense = tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.randomNormal({ seed: 2 }), biasInitializer: tf.initializers.randomNormal({ seed: 3 }) });
    const raw = tf.randomUniform([6, 4], 0, 100, 'float32', 5);
    const mean = Float32Array.of(50, 10, -3, 0.5);
    const std = Float32Array.of(20, 0.01, 4, 1);
    const onStandardized = (dense.apply(tf.div(tf.sub(raw, tf.tensor1d(mean)), tf.tensor1d(std))) as tf.Tensor).arraySync() as number[][];
    foldStandardization(dense, mean, std);
    const onRaw = (dense.apply(raw) as tf.Tensor).arraySync() as number[][];
    onRaw.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(onStandardized[i][j], 2)));
  });

  it('learns classes separated by a column whose scale dwarfs a noisy one, and reads raw features', async () => {
    // column 0 ~ 1e4 noise, column 1 carries the class at a scale of 1e-3
    const n = 60;
    const features = new Float32Array(n * 2);
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      labels.push(i % 2);
      features[i * 2] = 1e4 * ((i * 7919) % 13);
      features[i * 2 + 1] = 1e-3 * (i % 2 === 0 ? -1 : 1) + 1e-4 * ((i * 31) % 5);
    }
    const head = await trainHead(features, 2, labels, 2, { epochs: 200, learningRate: 5e-2, batchSize: n, dropout: 0, seed: 1, l2: 1e-3, standardize: true });
    const logitsLayer = head.getLayer(LOGITS_LAYER);
    const probs = (head.predict(tf.tensor2d(features, [n, 2])) as tf.Tensor2D).argMax(1).arraySync() as number[];
    expect(probs).toEqual(labels);
    expect(logitsLayer.getWeights()[0].shape).toEqual([2, 2]);
    head.dispose();
  });
});
