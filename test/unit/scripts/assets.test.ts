import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSETS, assetFile, assetPath, DEV_ASSET_DIR, type AssetSpec } from '../../../scripts/assets/manifest';
import { MODEL_VERSIONS_MODULE, modelVersionsModule, shippedModelVersionsOf, trainedFileVersions } from '../../../scripts/assets/model-versions-module';
import { sha256, verifyShipped } from '../../../scripts/assets/verify';

const bytes = new TextEncoder().encode('model weights');
const spec: AssetSpec = { pkg: '@example/models', from: 'm/a.bin', to: 'models/vendor/a.bin', ships: true, bytes: bytes.length, sha256: sha256(bytes) };

describe('asset verification', () => {
  it('accepts the exact file', () => {
    expect(verifyShipped(spec, true, bytes)).toBeNull();
  });
  it('names the missing package and tells how to fix it', () => {
    expect(verifyShipped(spec, false, null)).toEqual({ kind: 'missing-package', message: expect.stringMatching(/@example\/models is not installed.*m\/a\.bin.*npm ci/) });
  });
  it('names the missing file inside an installed package', () => {
    expect(verifyShipped(spec, true, null)?.message).toMatch(/@example\/models is installed but has no m\/a\.bin/);
  });
  it('catches a changed size and a changed hash', () => {
    expect(verifyShipped(spec, true, new Uint8Array(3))?.message).toMatch(/is 3 bytes, expected 13/);
    const tampered = bytes.slice();
    tampered[0] ^= 1;
    expect(verifyShipped(spec, true, tampered)?.message).toMatch(/has sha256 [0-9a-f]{64}, expected/);
  });
  it('lists every file under a distinct output path', () => {
    const targets = ASSETS.map((a) => a.to);
    expect(new Set(targets).size).toBe(targets.length);
    for (const a of ASSETS) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the asset manifest', () => {
  it('puts run-time files in public/ and the others in dev-assets/, and resolves a listed file only', () => {
    expect(assetPath({ ...spec, ships: true })).toBe('public/models/vendor/a.bin');
    expect(assetPath({ ...spec, ships: false })).toBe(`${DEV_ASSET_DIR}/models/vendor/a.bin`);
    expect(assetFile('models/vendor/human/iris.bin')).toBe('public/models/vendor/human/iris.bin');
    expect(assetFile('models/vendor/face-api/ssd_mobilenetv1_model.bin')).toBe(`${DEV_ASSET_DIR}/models/vendor/face-api/ssd_mobilenetv1_model.bin`);
    expect(() => assetFile('models/vendor/none.bin')).toThrow(/not in scripts\/assets\/manifest\.ts/);
  });
  it('ships only what the engine loads: no face-api SSD weights, one Haar cascade', () => {
    const shipped = ASSETS.filter((a) => a.ships).map((a) => a.to);
    expect(shipped.filter((to) => to.includes('face-api'))).toEqual([]);
    expect(shipped.filter((to) => to.endsWith('.xml'))).toEqual(['models/vendor/opencv/haarcascade_eye.xml']);
    // Each named model is a shipped file, so the export report never names one the build lacks.
    for (const a of ASSETS.filter((a) => a.model)) expect(a.ships, a.to).toBe(true);
  });
  it('has the shipped model versions module up to date (`npm run assets` rewrites it)', () => {
    const classifier = JSON.parse(readFileSync('public/models/classifier/config.json', 'utf8'));
    expect(readFileSync(MODEL_VERSIONS_MODULE, 'utf8')).toBe(modelVersionsModule(shippedModelVersionsOf(ASSETS, classifier, trainedFileVersions('.'))));
  });
  it('hashes each trained file the engine loads', () => {
    const versions = trainedFileVersions('.');
    expect(versions.map((v) => v.file)).toEqual(['models/classifier/fusion.json', 'models/eyes/eye-patch-model.json']);
    for (const v of versions) expect(v.sha256).toBe(sha256(readFileSync(`public/${v.file}`)));
  });
  it('records the face models the report names, from the manifest, and the classifier config', () => {
    const trained = [{ name: 'eye-crop model', file: 'models/eyes/eye-patch-model.json', sha256: 'f'.repeat(64) }];
    const versions = shippedModelVersionsOf(ASSETS, { version: 'v', backbone: 'b', inputSize: 1, uncertaintyThreshold: 0.5, extra: true } as never, trained);
    expect(versions.trained).toEqual(trained);
    expect(versions.classifier).toEqual({ version: 'v', backbone: 'b', inputSize: 1, uncertaintyThreshold: 0.5 });
    expect(versions.faceModels.map((m) => m.name)).toEqual(['face detector (BlazeFace)', 'face mesh', 'iris', 'eye cascade (OpenCV Haar)']);
    expect(versions.faceModels[0]).toEqual({ name: 'face detector (BlazeFace)', package: '@vladmandic/human', sha256: ASSETS.find((a) => a.to.endsWith('blazeface.bin'))!.sha256 });
  });
});

