/**
 * Node-side loading for the same models and images the extension uses, from files on disk.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import type { RgbaImage } from '../../src/image';

/** An IOHandler that reads a TF.js model.json and its weight shards from disk. */
export function fileModelHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(readFileSync(modelJsonPath, 'utf8'));
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest as tf.io.WeightsManifestConfig) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(readFileSync(join(dirname(modelJsonPath), p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

/** Decodes any image sharp reads (JPEG, PNG, WebP…; a path or the file's bytes) to RGBA, EXIF-rotated. */
export async function readRgbaImage(source: string | Uint8Array, size?: { width: number; height: number }): Promise<RgbaImage> {
  let pipeline = sharp(source).rotate().ensureAlpha();
  if (size) pipeline = pipeline.resize(size.width, size.height, { fit: 'fill' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}
