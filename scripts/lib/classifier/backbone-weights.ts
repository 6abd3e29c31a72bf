/** Loads the vendor backbones from disk (dev-assets/, node_modules) for the Node scripts. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { assetFile } from '../../assets/manifest';
import { assignMobileNetV1Weights, buildMobileNetV1 } from './mobilenet-v1';

/** face-api's SSD weights: training only, so `npm run assets` puts them in dev-assets/, never in the build. */
export const FACE_API_DIR = dirname(assetFile('models/vendor/face-api/ssd_mobilenetv1_model.bin'));

/** face-api's SSD weights decoded to named tensors (uint8-dequantised). */
export function readFaceApiSsdWeights(dir = FACE_API_DIR): tf.NamedTensorMap {
  const manifestPath = join(dir, 'ssd_mobilenetv1_model-weights_manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as tf.io.WeightsManifestConfig;
  const specs = manifest.flatMap((g) => g.weights);
  const bytes = Buffer.concat(manifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p)))));
  return tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
}

export function loadMobileNetV1(inputSize: number, dir = FACE_API_DIR): tf.LayersModel {
  const model = buildMobileNetV1(inputSize);
  const weights = readFaceApiSsdWeights(dir);
  assignMobileNetV1Weights(model, weights);
  tf.dispose(weights);
  return model;
}

export const MOBILENET_V2_BACKBONE_ID = 'mobilenet_v2_1.0@nsfwjs';
export const MOBILENET_V2_LAST_CONV = 'out_relu';
const NSFWJS_V2_DIR = 'node_modules/nsfwjs/dist/models/mobilenet_v2';

/**
 * nsfwjs's Keras MobileNetV2 (layers model.json + base64 weights shipped as JS modules), cut at
 * `out_relu` and rebuilt for `inputSize` (the topology is fully convolutional up to there).
 */
export async function loadMobileNetV2(inputSize: number, dir = NSFWJS_V2_DIR): Promise<tf.LayersModel> {
  const require = createRequire(import.meta.url);
  const json = require(resolve(dir, 'model.min.js')) as { modelTopology: any; weightsManifest: tf.io.WeightsManifestConfig };
  const base64 = require(resolve(dir, 'group1-shard1of1.min.js')) as string;
  const topology = structuredClone(json.modelTopology);
  const config = topology.model_config.config;
  config.layers[0].config.batch_input_shape = [null, inputSize, inputSize, 3];
  // drop the NSFW head (its 7×7 pooling only fits 224 px): keep the layers up to out_relu
  const last = config.layers.findIndex((l: { name: string }) => l.name === MOBILENET_V2_LAST_CONV);
  config.layers = config.layers.slice(0, last + 1);
  config.output_layers = [[MOBILENET_V2_LAST_CONV, 0, 0]];
  const bytes = Buffer.from(base64, 'base64');
  const full = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: topology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }),
    { strict: false },
  );
  return full;
}
