/**
 * Writes a LayersModel as model.json + one weights file with float16 weights (half the bytes;
 * tf.loadLayersModel dequantises float16 natively), so the shipped classifier stays small.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary32 → binary16 bits, round to nearest even (subnormals kept, overflow → ±inf). */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && half & 1)) half++;
    return sign | half;
  }
  let half = sign | (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++;
  return half;
}

export async function saveModelFloat16(model: tf.LayersModel, dir: string, weightsFile = 'weights.bin'): Promise<{ bytes: number }> {
  let bytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const specs = artifacts.weightSpecs ?? [];
      const source = new Float32Array(artifacts.weightData as ArrayBuffer);
      const out = new Uint16Array(source.length);
      for (let i = 0; i < source.length; i++) out[i] = float32ToFloat16Bits(source[i]);
      if (specs.some((s) => s.dtype !== 'float32')) throw new Error('saveModelFloat16: only float32 weights are supported');
      const weights = specs.map((s) => ({ ...s, quantization: { dtype: 'float16' as const } }));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, weightsFile), out);
      bytes = out.byteLength;
      const json = {
        modelTopology: artifacts.modelTopology,
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: [weightsFile], weights }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { bytes };
}
