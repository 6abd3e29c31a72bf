/**
 * Fills the face-landmark cache for dataset folders and prints how many images have 0, 1 or 2+ faces,
 * overall and per class folder / source tag (file names "<source>__<name>").
 *   npm run landmarks -- --data ../shared/datasets/face-quality [--data DIR…] [--refresh]
 *     [--min-detection 0.5] [--min-presence 0.5]
 */
import { parseArgs } from 'node:util';
import { cachedTimings, loadLandmarks } from './lib/landmark-cache';
import { median } from '../src/stats';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    refresh: { type: 'boolean', default: false },
    'min-detection': { type: 'string' },
    'min-presence': { type: 'string' },
  },
});
if (!values.data?.length) {
  console.error('usage: npm run landmarks -- --data DIR [--data DIR…] [--refresh] [--min-detection S] [--min-presence S]');
  process.exit(2);
}

interface Counts {
  images: number;
  zero: number;
  one: number;
  many: number;
}

for (const dir of values.data) {
  const started = performance.now();
  let computed = 0;
  const landmarks = await loadLandmarks(dir, {
    refresh: values.refresh,
    minDetectionScore: values['min-detection'] ? Number(values['min-detection']) : undefined,
    minPresenceScore: values['min-presence'] ? Number(values['min-presence']) : undefined,
    onProgress: ({ done, total }) => {
      computed = done;
      if (done % 100 === 0 || done === total) console.error(`  ${dir}: ${done}/${total} images landmarked`);
    },
  });
  const wallMs = performance.now() - started;
  const timings = cachedTimings(dir);

  const groups = new Map<string, Counts>();
  const add = (key: string, faces: number) => {
    const c = groups.get(key) ?? { images: 0, zero: 0, one: 0, many: 0 };
    c.images++;
    if (faces === 0) c.zero++;
    else if (faces === 1) c.one++;
    else c.many++;
    groups.set(key, c);
  };
  for (const [path, faces] of landmarks) {
    add('(all)', faces.length);
    const parts = path.split('/');
    if (parts.length > 1) {
      const folder = parts.slice(0, -1).join('/');
      add(folder, faces.length);
      const source = parts[parts.length - 1].split('__');
      if (source.length > 1) add(`${folder} [${source[0]}]`, faces.length);
    }
  }
  const msValues = [...timings.values()].sort((a, b) => a - b);
  const mean = msValues.reduce((s, v) => s + v, 0) / Math.max(1, msValues.length);
  const medianMs = median(msValues) ?? 0;
  console.log(`\n${dir}: ${landmarks.size} images, ${computed} computed now (${(wallMs / 1000).toFixed(1)} s wall)`);
  console.log(`landmarking ms/image (cached timings): mean ${mean.toFixed(1)}, median ${medianMs.toFixed(1)}`);
  console.log('group'.padEnd(44), 'images', '   0 faces', '    1 face', '  2+ faces', '  found %');
  for (const [key, c] of [...groups].sort(([a], [b]) => (a === '(all)' ? -1 : b === '(all)' ? 1 : a.localeCompare(b)))) {
    console.log(
      key.padEnd(44),
      String(c.images).padStart(6),
      String(c.zero).padStart(10),
      String(c.one).padStart(10),
      String(c.many).padStart(10),
      ((100 * (c.one + c.many)) / c.images).toFixed(1).padStart(9),
    );
  }
}
