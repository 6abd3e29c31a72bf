import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFaceApiSsdWeights } from '../../../scripts/lib/classifier/backbone-weights';
import { assignMobileNetV1Weights, buildMobileNetV1, foldDepthwiseBatchNorm, MOBILENET_V1_LAST_CONV } from '../../../scripts/lib/classifier/mobilenet-v1';
import { useCpuBackend } from '../xai/setup-tf';

/** face-api's own MobileNet v1 forward pass (ssdMobilenetv1/mobileNetV1.ts), written with raw ops. */
function faceApiReference(x: tf.Tensor4D, w: tf.NamedTensorMap): tf.Tensor4D {
  return tf.tidy(() => {
    const g = (n: string) => w[`MobilenetV1/${n}`] as tf.Tensor1D;
    let out = tf.clipByValue(tf.add(tf.conv2d(x, g("Conv2d_0_pointwise/weights") as unknown as tf.Tensor4D, 2, 'same'), g('Conv2d_0_pointwise/convolution_bn_offset')), 0, 6) as tf.Tensor4D;
    for (let b = 1; b <= 13; b++) {
      const s = [2, 4, 6, 12].includes(b) ? 2 : 1;
      const dw = `Conv2d_${b}_depthwise`;
      out = tf.depthwiseConv2d(out, g(`${dw}/depthwise_weights`) as unknown as tf.Tensor4D, s, 'same');
      out = tf.batchNorm<tf.Rank.R4>(out, g(`${dw}/BatchNorm/moving_mean`), g(`${dw}/BatchNorm/moving_variance`), g(`${dw}/BatchNorm/beta`), g(`${dw}/BatchNorm/gamma`), 0.0010000000474974513);
      out = tf.clipByValue(out, 0, 6);
      out = tf.clipByValue(tf.add<tf.Tensor4D>(tf.conv2d(out, g(`Conv2d_${b}_pointwise/weights`) as unknown as tf.Tensor4D, 1, 'same'), g(`Conv2d_${b}_pointwise/convolution_bn_offset`)), 0, 6);
    }
    return out;
  });
}

describe('MobileNet v1 from face-api weights', () => {
  beforeAll(useCpuBackend);

  it('has the MobileNet v1 layer shapes, the last conv named for Grad-CAM', () => {
    const m = buildMobileNetV1(160);
    expect(m.outputs[0].shape).toEqual([null, 5, 5, 1024]);
    expect(m.getLayer('conv_0').getWeights()[0].shape).toEqual([3, 3, 3, 32]);
    expect(m.getLayer('conv_dw_13').getWeights()[0].shape).toEqual([3, 3, 1024, 1]);
    expect(m.getLayer(MOBILENET_V1_LAST_CONV).outputShape).toEqual([null, 5, 5, 1024]);
    // kernels + one bias per channel (batch norm folded): conv_0, then 13 × (depthwise 3×3, pointwise 1×1)
    const filters = [32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024];
    let params = 3 * 3 * 3 * 32 + 32;
    for (let b = 1; b <= 13; b++) params += 9 * filters[b - 1] + filters[b - 1] + filters[b - 1] * filters[b] + filters[b];
    expect(m.countParams()).toBe(params);
    m.dispose();
  });

  it('folds depthwise batch norm exactly', () => {
    const x = tf.randomNormal([1, 6, 6, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const k = tf.randomNormal([3, 3, 4, 1], 0, 1, 'float32', 2) as tf.Tensor4D;
    const bn = { gamma: tf.tensor1d([1, 2, 0.5, 1.5]), beta: tf.tensor1d([0, 1, -1, 0.2]), mean: tf.tensor1d([0.1, -0.2, 0.3, 0]), variance: tf.tensor1d([1, 4, 0.25, 2]) };
    const reference = tf.batchNorm(tf.depthwiseConv2d(x, k, 1, 'same'), bn.mean, bn.variance, bn.beta, bn.gamma, 1e-3);
    const f = foldDepthwiseBatchNorm(k, bn);
    const folded = tf.add(tf.depthwiseConv2d(x, f.kernel, 1, 'same'), f.bias);
    expect(tf.max(tf.abs(tf.sub(reference, folded))).dataSync()[0]).toBeLessThan(1e-4);
  });

  it('reproduces face-api’s own forward pass with the vendor weights assigned by name', () => {
    const weights = readFaceApiSsdWeights();
    const m = buildMobileNetV1(64);
    assignMobileNetV1Weights(m, weights);
    const x = tf.randomUniform([1, 64, 64, 3], -1, 1, 'float32', 3) as tf.Tensor4D;
    const ours = m.predict(x) as tf.Tensor4D;
    const ref = faceApiReference(x, weights);
    expect(ours.shape).toEqual([1, 2, 2, 1024]);
    const diff = tf.max(tf.abs(tf.sub(ours, ref))).dataSync()[0];
    expect(diff).toBeLessThan(1e-3);
    expect(tf.max(ref).dataSync()[0]).toBeGreaterThan(0.1); // not trivially all zero
    m.dispose();
  });

  it('names the missing tensor', () => {
    const m = buildMobileNetV1(32);
    expect(() => assignMobileNetV1Weights(m, {})).toThrow(/MobilenetV1\/Conv2d_0_pointwise\/weights is missing/);
    m.dispose();
  });
});
