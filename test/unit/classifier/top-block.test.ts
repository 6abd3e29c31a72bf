import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMobileNetV1 } from '../../../scripts/lib/classifier/backbone-weights';
import { depthwise3x3, pointwise, setTopBlockWeights, topBlockFeatures, topBlockParams } from '../../../scripts/lib/classifier/top-block';
import { cutBackbone } from '../../../scripts/lib/classifier/top-block-cache';
import { useCpuBackend } from '../xai/setup-tf';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('top-block fine-tuning ops (matMul / slice forms of the MobileNet convs)', () => {
  beforeAll(useCpuBackend);

  it('pointwise equals a 1×1 conv and depthwise3x3 a 3×3 same-padded depthwise conv', () => {
    const x = tf.randomNormal([2, 4, 4, 6], 0, 1, 'float32', 1) as tf.Tensor4D;
    const k1 = tf.randomNormal([6, 5], 0, 1, 'float32', 2) as tf.Tensor2D;
    const b1 = tf.randomNormal([5], 0, 1, 'float32', 3) as tf.Tensor1D;
    const ref1 = tf.add(tf.conv2d(x, tf.reshape(k1, [1, 1, 6, 5]) as tf.Tensor4D, 1, 'same'), b1);
    expect(maxAbsDiff(pointwise(x, k1, b1), ref1)).toBeLessThan(1e-5);
    const k3 = tf.randomNormal([3, 3, 6], 0, 1, 'float32', 4) as tf.Tensor3D;
    const ref3 = tf.add(tf.depthwiseConv2d(x, tf.expandDims(k3, 3) as tf.Tensor4D, 1, 'same'), b1.slice(0, 1).tile([6]));
    expect(maxAbsDiff(depthwise3x3(x, k3, b1.slice(0, 1).tile([6]) as tf.Tensor1D), ref3)).toBeLessThan(1e-5);
    tf.dispose([x, k1, b1, ref1, k3, ref3]);
  });

  it('gives the network pooled conv_pw_13 output from the cut, and writes changed weights back into the layers', () => {
    const net = loadMobileNetV1(64); // the real weights (dev-assets/models/vendor/face-api), so activations are not all zero
    const cut = cutBackbone(net);
    const image = tf.randomUniform([2, 64, 64, 3], -1, 1, 'float32', 5) as tf.Tensor4D;
    const pooledRef = tf.mean(net.predict(image) as tf.Tensor4D, [1, 2]);
    const params = topBlockParams(net);
    const acts = cut.predict(image) as tf.Tensor4D;
    expect(tf.max(pooledRef).dataSync()[0]).toBeGreaterThan(0.1);
    expect(maxAbsDiff(topBlockFeatures(acts, params), pooledRef)).toBeLessThan(1e-4);

    // change the weights as training would, write them back: the layers model follows
    params.pw13k.assign(tf.mul(params.pw13k, 0.5));
    params.dw13k.assign(tf.add(params.dw13k, 0.1));
    const pooledOurs = topBlockFeatures(acts, params);
    expect(maxAbsDiff(pooledOurs, pooledRef)).toBeGreaterThan(1e-3);
    setTopBlockWeights(net, params);
    const pooledNet = tf.mean(net.predict(image) as tf.Tensor4D, [1, 2]);
    expect(maxAbsDiff(pooledNet, pooledOurs)).toBeLessThan(1e-4);
    tf.dispose([image, pooledRef, acts, pooledOurs, pooledNet, ...Object.values(params)]);
    net.dispose();
  });
});
