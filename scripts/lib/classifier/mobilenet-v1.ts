import * as tf from '@tensorflow/tfjs';

/**
 * MobileNet v1, width 1.0 (Howard et al. 2017), rebuilt with tf.layers so it is a LayersModel
 * (Grad-CAM needs layer outputs and gradients). The weights come from @vladmandic/face-api's SSD
 * face detector, whose backbone is exactly this network: conv_0 and every pointwise conv carry
 * batch norm folded into a bias; the depthwise convs keep explicit batch norm, which
 * foldDepthwiseBatchNorm folds into kernel + bias here. ReLU6 everywhere, input in [-1, 1].
 */
export const MOBILENET_V1_BACKBONE_ID = 'mobilenet_v1_1.0@face-api-ssd';
/** Output of the 13th pointwise conv (after ReLU6): the last conv layer, 1024 channels. */
export const MOBILENET_V1_LAST_CONV = 'conv_pw_13';

const POINTWISE_FILTERS = [64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024];
const STRIDE_2_BLOCKS = new Set([2, 4, 6, 12]);
/** face-api's batch-norm epsilon for the depthwise layers. */
const BN_EPSILON = 0.0010000000474974513;

/** Builds the untrained feature extractor: [N, size, size, 3] → [N, size/32, size/32, 1024]. */
export function buildMobileNetV1(inputSize: number): tf.LayersModel {
  const input = tf.input({ shape: [inputSize, inputSize, 3], name: 'image' });
  let x = tf.layers
    .conv2d({ name: 'conv_0', filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu6', trainable: false })
    .apply(input) as tf.SymbolicTensor;
  POINTWISE_FILTERS.forEach((filters, i) => {
    const block = i + 1;
    x = tf.layers
      .depthwiseConv2d({ name: `conv_dw_${block}`, kernelSize: 3, strides: STRIDE_2_BLOCKS.has(block) ? 2 : 1, padding: 'same', activation: 'relu6', trainable: false })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers
      .conv2d({ name: `conv_pw_${block}`, filters, kernelSize: 1, padding: 'same', activation: 'relu6', trainable: false })
      .apply(x) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs: x, name: 'mobilenet_v1' });
}

/** Folds y = γ(x − μ)/√(σ² + ε) + β after a depthwise conv into the conv's kernel and bias. */
export function foldDepthwiseBatchNorm(
  kernel: tf.Tensor4D,
  bn: { gamma: tf.Tensor1D; beta: tf.Tensor1D; mean: tf.Tensor1D; variance: tf.Tensor1D },
  epsilon = BN_EPSILON,
): { kernel: tf.Tensor4D; bias: tf.Tensor1D } {
  return tf.tidy(() => {
    const scale = tf.div(bn.gamma, tf.sqrt(tf.add(bn.variance, epsilon)));
    return {
      // depthwise kernel [kh, kw, channels, 1]: scale per channel
      kernel: tf.mul(kernel, tf.reshape(scale, [1, 1, -1, 1])) as tf.Tensor4D,
      bias: tf.sub(bn.beta, tf.mul(bn.mean, scale)) as tf.Tensor1D,
    };
  });
}

/**
 * Sets the backbone's weights from face-api's named SSD tensors (`MobilenetV1/Conv2d_*`), e.g. the
 * result of tf.io.decodeWeights on ssd_mobilenetv1_model.bin. Throws naming any missing tensor.
 */
export function assignMobileNetV1Weights(model: tf.LayersModel, weights: tf.NamedTensorMap): void {
  const get = (name: string): tf.Tensor => {
    const t = weights[`MobilenetV1/${name}`];
    if (!t) throw new Error(`MobileNet v1 weights: tensor MobilenetV1/${name} is missing`);
    return t;
  };
  tf.tidy(() => {
    model.getLayer('conv_0').setWeights([get('Conv2d_0_pointwise/weights'), get('Conv2d_0_pointwise/convolution_bn_offset')]);
    POINTWISE_FILTERS.forEach((_, i) => {
      const b = i + 1;
      const dw = `Conv2d_${b}_depthwise`;
      const folded = foldDepthwiseBatchNorm(get(`${dw}/depthwise_weights`) as tf.Tensor4D, {
        gamma: get(`${dw}/BatchNorm/gamma`) as tf.Tensor1D,
        beta: get(`${dw}/BatchNorm/beta`) as tf.Tensor1D,
        mean: get(`${dw}/BatchNorm/moving_mean`) as tf.Tensor1D,
        variance: get(`${dw}/BatchNorm/moving_variance`) as tf.Tensor1D,
      });
      model.getLayer(`conv_dw_${b}`).setWeights([folded.kernel, folded.bias]);
      model.getLayer(`conv_pw_${b}`).setWeights([get(`Conv2d_${b}_pointwise/weights`), get(`Conv2d_${b}_pointwise/convolution_bn_offset`)]);
    });
  });
}
