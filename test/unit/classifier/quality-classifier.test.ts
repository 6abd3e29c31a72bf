import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileModelHandler } from '../../../scripts/lib/node-io';
import { float32ToFloat16Bits, saveModelFloat16 } from '../../../scripts/lib/classifier/save-model';
import { CLASS_NAMES, createQualityClassifier, DEFAULT_PREPROCESS_CONFIG, type ClassifierConfig } from '../../../src/model/classifier';
import { useCpuBackend } from '../xai/setup-tf';

const config: ClassifierConfig = {
  ...DEFAULT_PREPROCESS_CONFIG,
  inputSize: 8,
  version: 'test',
  backbone: 'toy',
  classNames: [...CLASS_NAMES],
  calibrationTemperature: 1,
  uncertaintyThreshold: 0.5,
  gradCamLayers: ['conv_last'],
};

/** A toy classifier with the shipped model's interface: conv → pool → 5-way softmax. Output: mean red → class 0, mean blue → class 4. */
function toyModel(): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 3] });
  const convLayer = tf.layers.conv2d({ filters: 3, kernelSize: 1, name: 'conv_last', useBias: false });
  const conv = convLayer.apply(input);
  const pooled = tf.layers.globalAveragePooling2d({}).apply(conv);
  const dense = tf.layers.dense({ units: 5, activation: 'softmax', name: 'logits' });
  const out = dense.apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  const k = new Float32Array(15);
  k[0 * 5 + 0] = 6; // red → blur
  k[2 * 5 + 4] = 6; // blue → wrong
  dense.setWeights([tf.tensor2d(k, [3, 5]), tf.zeros([5])]);
  convLayer.setWeights([tf.reshape(tf.eye(3), [1, 1, 3, 3])]);
  return model;
}

function solid(r: number, g: number, b: number) {
  const data = new Uint8ClampedArray(10 * 10 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([r, g, b, 255], i);
  return { width: 10, height: 10, data };
}

async function savedToyModel(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'quality-'));
  await saveModelFloat16(toyModel(), dir);
  return dir;
}

describe('createQualityClassifier', () => {
  beforeAll(useCpuBackend);

  it('classifies into plain serialisable data with calibrated probabilities', async () => {
    const dir = await savedToyModel();
    const c = await createQualityClassifier({ model: fileModelHandler(join(dir, 'model.json')), config });
    const red = await c.classify(solid(255, 0, 0));
    expect(red.label).toBe('blur');
    expect(Object.keys(red.probabilities)).toEqual([...CLASS_NAMES]);
    expect(Object.values(red.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(red.confidence).toBe(red.probabilities.blur);
    expect(red.uncertain).toBe(red.confidence < 0.5);
    expect(structuredClone(red)).toEqual(red);
    const blue = await c.classify(solid(0, 0, 255));
    expect(blue.label).toBe('wrong');
    // grey: all logits equal → uniform, below the threshold → uncertain
    const grey = await c.classify(solid(127, 128, 127));
    expect(grey.uncertain).toBe(true);
    c.dispose();
  });

  it('crops to the face box when one is given', async () => {
    const dir = await savedToyModel();
    const c = await createQualityClassifier({ model: fileModelHandler(join(dir, 'model.json')), config });
    const img = solid(0, 0, 255);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) img.data.set([255, 0, 0, 255], (y * 10 + x) * 4);
    expect((await c.classify(img, { x: 0, y: 0, width: 3, height: 3 })).label).toBe('blur');
    expect((await c.classify(img)).label).toBe('wrong');
    c.dispose();
  });

  it('leaks no tensors per classify', async () => {
    const dir = await savedToyModel();
    const c = await createQualityClassifier({ model: fileModelHandler(join(dir, 'model.json')), config });
    await c.classify(solid(1, 2, 3));
    const before = tf.memory().numTensors;
    await c.classify(solid(1, 2, 3));
    const asTensor = tf.zeros([10, 10, 3]) as tf.Tensor3D;
    await c.classify(asTensor);
    asTensor.dispose();
    expect(tf.memory().numTensors).toBe(before);
    c.dispose();
  });

  it('rejects naming the file when the model or its weights are missing or corrupt', async () => {
    await expect(createQualityClassifier({ model: fileModelHandler('/nonexistent/classifier/model.json'), config })).rejects.toThrow(/\/nonexistent\/classifier\/model\.json/);
    const dir = await savedToyModel();
    writeFileSync(join(dir, 'weights.bin'), readFileSync(join(dir, 'weights.bin')).subarray(0, 10));
    await expect(createQualityClassifier({ model: fileModelHandler(join(dir, 'model.json')), config })).rejects.toThrow(/could not load the model/);
    const missingWeights = await savedToyModel();
    writeFileSync(join(missingWeights, 'model.json'), readFileSync(join(missingWeights, 'model.json'), 'utf8').replace('weights.bin', 'gone.bin'));
    await expect(createQualityClassifier({ model: fileModelHandler(join(missingWeights, 'model.json')), config })).rejects.toThrow(/gone\.bin/);
    await expect(createQualityClassifier({ model: 'http://127.0.0.1:9/none/model.json', config })).rejects.toThrow(/http:\/\/127\.0\.0\.1:9\/none\/model\.json/);
  });

  it('rejects a config that does not match the model or the class order', async () => {
    const dir = await savedToyModel();
    const handler = () => fileModelHandler(join(dir, 'model.json'));
    await expect(createQualityClassifier({ model: handler(), config: { ...config, gradCamLayers: ['nope'] } })).rejects.toThrow(/no layer "nope"/);
    await expect(createQualityClassifier({ model: handler(), config: { ...config, inputSize: 16 } })).rejects.toThrow(/config expects \[16,16,3\]/);
    await expect(createQualityClassifier({ model: handler(), config: { ...config, classNames: ['good', 'blur', 'eyeglasses', 'covered', 'wrong'] } })).rejects.toThrow(/class order/);
  });
});

describe('float16 model files', () => {
  beforeAll(useCpuBackend);
  it('encodes binary16 bit patterns', () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(1e6)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(float32ToFloat16Bits(0.1)).toBe(0x2e66);
  });
  it('round-trips a model through tf.loadLayersModel within float16 precision', async () => {
    const model = toyModel();
    const dir = mkdtempSync(join(tmpdir(), 'f16-'));
    const { bytes } = await saveModelFloat16(model, dir);
    expect(bytes).toBe(model.countParams() * 2);
    const loaded = await tf.loadLayersModel(fileModelHandler(join(dir, 'model.json')));
    const x = tf.randomUniform([2, 8, 8, 3], -1, 1, 'float32', 4);
    const diff = tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))).dataSync()[0];
    expect(diff).toBeLessThan(1e-3);
  });
});
