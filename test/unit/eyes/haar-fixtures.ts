import type { GrayImage } from '../../../src/model/eyes/rgba-to-gray';

/** A gray image from rows of pixel values. */
export function grayFromRows(rows: number[][]): GrayImage {
  return { width: rows[0].length, height: rows.length, data: Uint8Array.from(rows.flat()) };
}

/** An OpenCV-layout cascade XML with one feature per weak classifier (stumps or 1-node trees). */
export function cascadeXml(opts: {
  width: number;
  height: number;
  stages: { threshold: number; weak: { nodes: [number, number, number, number][]; leaves: number[] }[] }[];
  features: { rects: [number, number, number, number, number][]; tilted?: boolean }[];
}): string {
  const stages = opts.stages
    .map(
      (s) => `<_><maxWeakCount>${s.weak.length}</maxWeakCount><stageThreshold>${s.threshold}</stageThreshold><weakClassifiers>${s.weak
        .map((w) => `<_><internalNodes>${w.nodes.flat().join(' ')}</internalNodes><leafValues>${w.leaves.join(' ')}</leafValues></_>`)
        .join('')}</weakClassifiers></_>`,
    )
    .join('\n');
  const features = opts.features
    .map((f) => `<_><rects>${f.rects.map((r) => `<_>${r.join(' ')}</_>`).join('')}</rects><tilted>${f.tilted ? 1 : 0}</tilted></_>`)
    .join('\n');
  return `<?xml version="1.0"?>
<!-- hand-made test cascade -->
<opencv_storage>
<cascade type_id="opencv-cascade-classifier"><stageType>BOOST</stageType>
  <featureType>HAAR</featureType>
  <height>${opts.height}</height>
  <width>${opts.width}</width>
  <stageParams><maxWeakCount>9</maxWeakCount></stageParams>
  <featureParams><maxCatCount>0</maxCatCount></featureParams>
  <stageNum>${opts.stages.length}</stageNum>
  <stages>${stages}</stages>
  <features>${features}</features>
</cascade>
</opencv_storage>`;
}

/** 6×6 window, one stump: (right half − left half) ≥ 0 passes. */
export const RIGHT_BRIGHTER_XML = cascadeXml({
  width: 6,
  height: 6,
  stages: [{ threshold: 0, weak: [{ nodes: [[0, -1, 0, 0]], leaves: [-1, 1] }] }],
  features: [{ rects: [[0, 0, 6, 6, -1], [3, 0, 3, 6, 2]] }],
});
