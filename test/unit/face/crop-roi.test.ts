import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend, type NodeBackend } from '../../../scripts/lib/tf-node-backend';
import { roiToAffine } from '../../../src/model/face/calculators/roi-to-affine';
import { cropRoi } from '../../../src/model/face/crop-roi';
import { imageToTensor } from '../../../src/model/face/image-to-tensor';

/** A 4×4 image whose red channel is 10·x + y (0..33), green 255, blue 0. */
function rampImage() {
  const data = new Uint8ClampedArray(4 * 4 * 4);
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) data.set([10 * x + y, 255, 0, 255], 4 * (4 * y + x));
  return { width: 4, height: 4, data };
}

async function redChannel(t: tf.Tensor4D): Promise<number[][]> {
  const red = tf.tidy(() => t.slice([0, 0, 0, 0], [1, -1, -1, 1]).reshape([t.shape[1], t.shape[2]]));
  const rows = (await red.array()) as number[][];
  red.dispose();
  return rows.map((r) => r.map((v) => Math.round(v * 1000) / 1000));
}

for (const backend of ['cpu', 'wasm'] as NodeBackend[]) {
  describe(`cropRoi on ${backend}`, () => {
    let image: tf.Tensor4D;
    beforeAll(async () => {
      await useNodeBackend(backend);
      image = imageToTensor(rampImage());
    });

    it('imageToTensor drops alpha and keeps 0..255 values', async () => {
      expect(image.shape).toEqual([1, 4, 4, 3]);
      const px = (await image.slice([0, 2, 1, 0], [1, 1, 1, 3]).data()) as Float32Array;
      expect([...px]).toEqual([12, 255, 0]);
      const fromTensor = imageToTensor(tf.tensor3d([[[1, 2, 3, 4]]], [1, 1, 4], 'int32'));
      expect(fromTensor.dtype).toBe('float32');
      expect([...(await fromTensor.data())]).toEqual([1, 2, 3]);
      fromTensor.dispose();
    });

    it('imageToTensor of a float32 RGB tensor keeps its values and leaves the caller\'s tensor alive', async () => {
      const rgb = tf.tensor3d([[[1.5, 2, 3]]], [1, 1, 3]);
      const batched = imageToTensor(rgb);
      expect([...(await batched.data())]).toEqual([1.5, 2, 3]);
      batched.dispose();
      expect(rgb.isDisposed).toBe(false);
      expect([...(await rgb.data())]).toEqual([1.5, 2, 3]);
      rgb.dispose();
    });

    it('reproduces the image through the identity region, rescaled to the range', async () => {
      const m = roiToAffine({ centerX: 2, centerY: 2, width: 4, height: 4, angle: 0 }, 4);
      const crop = cropRoi(image, m, 4, [0, 255], 'constant');
      expect(await redChannel(crop)).toEqual([0, 1, 2, 3].map((y) => [0, 1, 2, 3].map((x) => 10 * x + y)));
      const scaled = cropRoi(image, m, 4, [-1, 1], 'constant');
      const [g] = (await scaled.slice([0, 0, 0, 1], [1, 1, 1, 1]).data()) as Float32Array;
      expect(g).toBeCloseTo(1);
      tf.dispose([crop, scaled]);
    });

    it('samples sub-regions at pixel centres (a 2×2 crop of the middle 2×2 pixels)', async () => {
      const crop = cropRoi(image, roiToAffine({ centerX: 2, centerY: 2, width: 2, height: 2, angle: 0 }, 2), 2, [0, 255], 'constant');
      expect(await redChannel(crop)).toEqual([[11, 21], [12, 22]]);
      crop.dispose();
    });

    it('rotates: in a +90° region the crop\'s x axis runs down the image and its y axis runs left', async () => {
      const crop = cropRoi(image, roiToAffine({ centerX: 2, centerY: 2, width: 4, height: 4, angle: Math.PI / 2 }, 4), 4, [0, 255], 'constant');
      // crop (u, v) = image (x = 3 − v, y = u)
      expect(await redChannel(crop)).toEqual([0, 1, 2, 3].map((v) => [0, 1, 2, 3].map((u) => 10 * (3 - v) + u)));
      crop.dispose();
    });

    it('mirrors, and fills outside the image with black or the edge pixel', async () => {
      const mirrored = cropRoi(image, roiToAffine({ centerX: 2, centerY: 2, width: 4, height: 4, angle: 0 }, 4, true), 4, [0, 255], 'constant');
      expect((await redChannel(mirrored))[0]).toEqual([30, 20, 10, 0]);
      const shifted = { centerX: 0, centerY: 2, width: 4, height: 4, angle: 0 };
      const black = cropRoi(image, roiToAffine(shifted, 4), 4, [0, 255], 'constant');
      const edge = cropRoi(image, roiToAffine(shifted, 4), 4, [0, 255], 'nearest');
      expect((await redChannel(black))[0]).toEqual([0, 0, 0, 10]);
      expect((await redChannel(edge))[1]).toEqual([1, 1, 1, 11]);
      tf.dispose([mirrored, black, edge]);
    });

    it('leaves no tensors behind', () => {
      const before = tf.memory().numTensors;
      const crop = cropRoi(image, roiToAffine({ centerX: 2, centerY: 2, width: 3, height: 3, angle: 0.3 }, 5), 5, [0, 1], 'nearest');
      crop.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
