/**
 * Where the head reads the frozen backbone. The face detector's top blocks (conv_pw_12/13) are tuned
 * to finding faces and carry little about glasses frames or blur: on validation, average ⊕ max pooled
 * mid-level blocks beat the last conv's average by 7 macro-F1 points (docs/classifier-experiments.md).
 */
import * as tf from '@tensorflow/tfjs';
import type { FeatureBackbone } from './features';

export type TapPooling = 'avg' | 'max';

export interface FeatureTaps {
  /** Backbone layers the head reads, shallowest first; Grad-CAM explains them together (same height × width). */
  layers: readonly string[];
  /** Global poolings applied to every tapped layer; features are concatenated layer by layer, pooling by pooling. */
  pooling: readonly TapPooling[];
}

/** Shipped: MobileNet v1 blocks 7 and 9 (stride 16), average ⊕ max pooled, 2 × (512 + 512) features. */
export const MOBILENET_V1_TAPS: FeatureTaps = { layers: ['conv_pw_7', 'conv_pw_9'], pooling: ['avg', 'max'] };
/** The paper's head input: the last conv layer, average pooled. */
export const lastConvAverage = (layer: string): FeatureTaps => ({ layers: [layer], pooling: ['avg'] });

/** Output layer name of the pooled-feature model. */
const FEATURES_LAYER = 'features';

/** Short id for caches and reports, e.g. `conv_pw_7+conv_pw_9:avg+max`. */
export const featureTapsId = (taps: FeatureTaps): string => `${taps.layers.join('+')}:${taps.pooling.join('+')}`;

/**
 * [N, s, s, 3] → [N, dim]: the backbone up to its deepest tapped layer (the layers above are not part of
 * the model, so they are neither run nor shipped) with each tapped layer globally pooled.
 */
export function pooledFeatureModel(backbone: tf.LayersModel, taps: FeatureTaps): tf.LayersModel {
  const pooled = taps.layers.flatMap((name) => {
    const map = backbone.getLayer(name).output as tf.SymbolicTensor;
    return taps.pooling.map((p) => {
      const config = { name: `pool_${p}_${name}` };
      const layer = p === 'avg' ? tf.layers.globalAveragePooling2d(config) : tf.layers.globalMaxPooling2d(config);
      return layer.apply(map) as tf.SymbolicTensor;
    });
  });
  const features = pooled.length === 1 ? pooled[0] : (tf.layers.concatenate({ name: FEATURES_LAYER }).apply(pooled) as tf.SymbolicTensor);
  return tf.model({ inputs: backbone.inputs, outputs: features, name: 'pooled_features' });
}

/** For the backbone comparison: MobileNetV2's expansions at the same stride (16) and similar depth as v1's taps. */
export const MOBILENET_V2_TAPS: FeatureTaps = { layers: ['block_8_expand_relu', 'block_11_expand_relu'], pooling: ['avg', 'max'] };

/** A backbone read through its taps, named for the feature cache and the reports. */
export function featureBackbone(backboneId: string, backbone: tf.LayersModel, taps: FeatureTaps): FeatureBackbone & { backboneId: string; taps: FeatureTaps } {
  return { id: `${backboneId}@${featureTapsId(taps)}`, backboneId, model: pooledFeatureModel(backbone, taps), taps };
}
