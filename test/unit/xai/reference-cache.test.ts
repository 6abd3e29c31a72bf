import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReferenceRecord, type ReferenceRecord, saveReferenceRecord } from '../../../scripts/lib/xai/reference-cache';

const dir = mkdtempSync(join(tmpdir(), 'reference-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2 × 2 pixels in 2 superpixels, 2 classes, 3 samples per run. */
const record = (): ReferenceRecord => ({
  path: 'images/good/a.jpg',
  trueClass: 'good',
  numClasses: 2,
  target: 1,
  segmentation: { width: 2, height: 2, count: 2, labels: Int32Array.from([0, 0, 1, 1]) },
  runs: [0, 1].map((seed) => ({
    seed,
    numSamples: 3,
    masks: Uint8Array.from([1, 1, 0, 1, 1, 0]),
    probabilities: Float32Array.from([0.2, 0.8, 0.6, 0.4, 0.3, 0.7]),
  })),
});

describe('the reference LIME cache', () => {
  it('reads back what it saved, and nothing for an image it has not cached', () => {
    const file = join(dir, 'ok.json');
    saveReferenceRecord(file, record());
    expect(loadReferenceRecord(file)).toEqual(record());
    expect(loadReferenceRecord(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('refuses a record whose arrays do not fit its own dimensions', () => {
    const damaged = (name: string, change: (r: ReferenceRecord) => void) => {
      const r = record();
      change(r);
      const file = join(dir, `${name}.json`);
      saveReferenceRecord(file, r);
      return () => loadReferenceRecord(file);
    };
    expect(damaged('masks', (r) => (r.runs[1].masks = Uint8Array.from([1, 1, 0])))).toThrow(/masks are not 3 × 2/);
    expect(damaged('probabilities', (r) => (r.runs[0].probabilities = new Float32Array(9)))).toThrow(/probabilities are not 3 × 2/);
    expect(damaged('labels', (r) => (r.segmentation.labels = Int32Array.from([0, 0, 1, 2])))).toThrow(/superpixels/);
    expect(damaged('target', (r) => (r.target = 2))).toThrow(/target/);
    expect(damaged('runs', (r) => r.runs.pop())).toThrow(/expected 2 runs/);
    // the stored text itself cut short
    const file = join(dir, 'ok.json');
    writeFileSync(join(dir, 'cut.json'), readFileSync(file, 'utf8').replace(/"masks":"[^"]*"/, '"masks":"AQ=="'));
    expect(() => loadReferenceRecord(join(dir, 'cut.json'))).toThrow(/masks/);
  });
});
