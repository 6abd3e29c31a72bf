/**
 * Synthetic defects drawn onto faces of every source, so that `covered` and `eyeglasses` are not
 * one source each (the source confound): masks, scarves and hands (→ covered), glasses frames and
 * sunglasses (→ eyeglasses), placed from the face landmarks.
 */
import * as tf from '@tensorflow/tfjs';
import type { QualityClass } from '../../../src/model/classifier/constants';
import type { FaceLandmarks } from '../../../src/model/face/types';
import type { DatasetItem } from './dataset';
import { glassesFrame, handPolygons, lensPolygons, maskPolygon, OCCLUDER_KINDS, scarfPolygon, type OccluderKind } from './occluder-geometry';
import { polygonCoverage, unionCoverage } from './raster';
import { primaryFace } from './render-sample';
import { randomPhotometric, type OccluderPlanner, type SampleSpec } from './samples';
import { createSeededRandom } from '../../../src/random';
import type { SplitName } from './split';

export const OCCLUDER_LABEL: Record<OccluderKind, QualityClass> = { mask: 'covered', scarf: 'covered', hand: 'covered', glasses: 'eyeglasses', sunglasses: 'eyeglasses' };
/** Which photos get which synthetic defect, and how often (per photo). */
const PLAN: Partial<Record<QualityClass, { kinds: readonly OccluderKind[]; probability: number }>> = {
  good: { kinds: OCCLUDER_KINDS, probability: 0.7 },
  eyeglasses: { kinds: ['mask', 'scarf', 'hand'], probability: 0.3 },
};
/** A face smaller than this (px, face-box side) is too small to draw on convincingly. */
const MIN_FACE_SIDE = 40;

export function occluderPlanner(landmarks: Map<string, FaceLandmarks[]>): OccluderPlanner {
  return (item: DatasetItem, split: SplitName, random: () => number): SampleSpec[] => {
    const plan = PLAN[item.label];
    const face = primaryFace(landmarks.get(item.relPath));
    if (!plan || !face || Math.max(face.box.width, face.box.height) < MIN_FACE_SIDE) return [];
    if (random() >= plan.probability) return [];
    const kind = plan.kinds[Math.floor(random() * plan.kinds.length)];
    const seed = Math.floor(random() * 2 ** 31);
    return [{ relPath: item.relPath, split, label: OCCLUDER_LABEL[kind], source: item.source, baseLabel: item.label, occluder: { kind, seed }, photometric: split === 'train' ? randomPhotometric(random) : undefined }];
  };
}

type Rgb = [number, number, number];
const MASK_COLOURS: Rgb[] = [[150, 190, 225], [235, 238, 240], [40, 40, 45], [90, 120, 170], [200, 170, 190], [120, 130, 110]];
const SCARF_COLOURS: Rgb[] = [[150, 30, 40], [40, 60, 120], [200, 180, 140], [60, 60, 60], [30, 100, 80]];
const FRAME_COLOURS: Rgb[] = [[20, 20, 20], [80, 50, 30], [150, 150, 160], [120, 30, 40], [30, 30, 80]];
const LENS_COLOURS: Rgb[] = [[15, 15, 20], [50, 35, 20], [25, 45, 30], [40, 40, 60]];

interface Layer {
  coverage: Float32Array;
  colour: Rgb;
  alpha: number;
  /** Brightness falls off by this much from the top to the bottom of the image (soft shading). */
  shade: number;
  /** Per-pixel colour noise amplitude (fabric / skin texture). */
  noise: number;
  /** Horizontal stripe period in px (scarf pattern), 0 for none. */
  stripes?: number;
}

function skinColour(data: Float32Array | Int32Array | Uint8Array, width: number, face: FaceLandmarks): Rgb {
  // average a 5×5 patch on each cheek (mesh 50 / 280)
  const out: Rgb = [0, 0, 0];
  let n = 0;
  for (const idx of [50, 280]) {
    const [cx, cy] = face.mesh[idx];
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const x = Math.round(cx) + dx;
        const y = Math.round(cy) + dy;
        const i = (y * width + x) * 3;
        if (x < 0 || y < 0 || x >= width || i + 2 >= data.length) continue;
        out[0] += data[i];
        out[1] += data[i + 1];
        out[2] += data[i + 2];
        n++;
      }
    }
  }
  return n ? (out.map((v) => v / n) as Rgb) : [200, 160, 140];
}

/** Pixels of the shapes for one occluder recipe. */
export function occluderLayers(kind: OccluderKind, face: FaceLandmarks, width: number, height: number, random: () => number, skin: Rgb): Layer[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const fill = (polys: number[][][]) => unionCoverage(polys.map((p) => polygonCoverage(p as [number, number][], width, height)));
  switch (kind) {
    case 'mask':
      return [{ coverage: fill([maskPolygon(face, random())]), colour: pick(MASK_COLOURS), alpha: 1, shade: 0.25, noise: 6 }];
    case 'scarf':
      return [{ coverage: fill([scarfPolygon(face, 0.3 + 0.3 * random())]), colour: pick(SCARF_COLOURS), alpha: 1, shade: 0.3, noise: 12, stripes: random() < 0.5 ? 0 : 6 + Math.floor(10 * random()) }];
    case 'hand': {
      const tone = 0.85 + 0.2 * random();
      const colour = skin.map((v) => Math.min(255, v * tone)) as Rgb;
      return [{ coverage: fill(handPolygons(face, random() < 0.7 ? 'mouth' : 'eye', (random() - 0.5) * 0.8)), colour, alpha: 1, shade: 0.2, noise: 5 }];
    }
    case 'glasses':
    case 'sunglasses': {
      const lensScale = 0.9 + 0.35 * random();
      const frame = glassesFrame(face, lensScale, 0.06 + 0.1 * random());
      const ring = fill(frame.polygons);
      const hole = fill(frame.holes ?? []);
      for (let i = 0; i < ring.length; i++) ring[i] = Math.max(0, ring[i] - hole[i]);
      const layers: Layer[] = [];
      if (kind === 'sunglasses') layers.push({ coverage: fill(lensPolygons(face, lensScale)), colour: pick(LENS_COLOURS), alpha: 0.8 + 0.17 * random(), shade: -0.3, noise: 2 });
      else layers.push({ coverage: fill(lensPolygons(face, lensScale)), colour: [200, 220, 230], alpha: 0.08 + 0.1 * random(), shade: 0, noise: 0 });
      layers.push({ coverage: ring, colour: pick(FRAME_COLOURS), alpha: 1, shade: 0.1, noise: 3 });
      return layers;
    }
  }
}

/** Composites the layers over an RGB image (row-major floats, 0..255), in place. */
export function compositeLayers(rgb: Float32Array, width: number, height: number, layers: readonly Layer[], random: () => number): void {
  for (const layer of layers) {
    for (let y = 0; y < height; y++) {
      const light = 1 + layer.shade * (0.5 - y / height);
      const stripe = layer.stripes ? (Math.floor(y / layer.stripes) % 2 ? 0.8 : 1.05) : 1;
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const a = layer.coverage[p] * layer.alpha;
        if (a <= 0) continue;
        const n = (random() - 0.5) * 2 * layer.noise;
        for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rgb[p * 3 + c] * (1 - a) + Math.min(255, Math.max(0, layer.colour[c] * light * stripe + n)) * a;
      }
    }
  }
}

export async function paintOccluder(image: tf.Tensor3D, face: FaceLandmarks, occluder: { kind: string; seed: number }): Promise<tf.Tensor3D> {
  if (!(OCCLUDER_KINDS as readonly string[]).includes(occluder.kind)) throw new Error(`unknown occluder kind ${occluder.kind}`);
  const [height, width] = image.shape;
  const rgb = (await image.data()) as Float32Array;
  const out = Float32Array.from(rgb);
  const random = createSeededRandom(occluder.seed).next;
  const layers = occluderLayers(occluder.kind as OccluderKind, face, width, height, random, skinColour(rgb, width, face));
  compositeLayers(out, width, height, layers, random);
  return tf.tensor3d(out, [height, width, 3]);
}
