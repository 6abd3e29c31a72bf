/**
 * What the per-frame pipeline says about each camera fixture in Node (WASM), and each profile's
 * readiness on it — the quick check behind the expectations of test/e2e/profiles.e2e.ts. The eye
 * state is the frame's own and the track a still face (the fixtures are still images).
 *   npx tsx scripts/fixture-readiness.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFrameAnalyzer } from '../src/model/analyze';
import { createQualityClassifier } from '../src/model/classifier';
import { createEyeStateDetector } from '../src/model/eyes';
import { createFaceLandmarker } from '../src/model/face';
import { largestFace } from '../src/model/measures/largest-face';
import { readEyeModels } from './lib/eyes/eye-models';
import { faceOffset } from '../src/workflow/face-centring';
import { headPose } from '../src/workflow/head-pose';
import { assessReadiness } from '../src/workflow/readiness';
import { PROFILE_IDS } from '../src/workflow/types';
import { CAMERA_FIXTURES } from '../test/fixtures/fixtures';
import { MODEL_DIR } from './lib/classifier/paths';
import { readClassifierConfig } from './lib/classifier/shipped-model';
import { fixtureFrame } from './lib/fixture-frame';
import { fileModelHandler } from './lib/node-io';
import { useNodeBackend } from './lib/tf-node-backend';

await useNodeBackend('wasm');
const vendor = 'public/models/vendor';
const analyzer = createFrameAnalyzer({
  landmarks: await createFaceLandmarker({
    models: {
      detector: fileModelHandler(join(vendor, 'human/blazeface.json')),
      mesh: fileModelHandler(join(vendor, 'human/facemesh.json')),
      iris: fileModelHandler(join(vendor, 'human/iris.json')),
    },
  }),
  classifier: await createQualityClassifier({ model: fileModelHandler(join(MODEL_DIR, 'model.json')), config: readClassifierConfig() }),
  eyes: await createEyeStateDetector(readEyeModels()),
});

const fmt = (n: number, digits = 2) => n.toFixed(digits);
for (const fixture of CAMERA_FIXTURES) {
  const frame = await fixtureFrame(fixture);
  const result = await analyzer.analyze(frame);
  const face = largestFace(result.faces);
  const { quality } = result;
  const probabilities = Object.entries(quality.probabilities).map(([name, p]) => `${name} ${fmt(p)}`).join(', ');
  console.log(`\n${fixture.name}: ${result.faces.length} face(s); ${quality.label}${quality.uncertain ? ' (uncertain)' : ''} [${probabilities}]; eyes ${result.eyes?.state ?? '—'}`);
  if (face) {
    const pose = headPose(face.mesh);
    const offset = faceOffset(face.box, frame);
    console.log(
      `  face height ${fmt(face.box.height / frame.height)} of frame, offset x ${fmt(offset.x)} y ${fmt(offset.y)}, luma ${fmt(face.luminance ?? NaN, 0)}, yaw ${fmt(pose.yaw, 1)}° pitch ${fmt(pose.pitch, 1)}° roll ${fmt(pose.roll, 1)}°`,
    );
  }
  const track = face ? [0, 200, 400, 600].map((capturedAt) => ({ box: face.box, capturedAt })) : [];
  for (const profile of PROFILE_IDS) {
    const readiness = assessReadiness(profile, { ...frame, ...result, eyeState: result.eyes?.state ?? null, track });
    const failed = readiness.checks.filter((c) => c.passed !== true).map((c) => `${c.id}=${c.passed === null ? 'unmeasured' : c.value}`);
    console.log(`  ${profile.padEnd(8)} ${readiness.ready ? 'READY' : 'not ready'}; hints [${readiness.hints.join(', ')}]; score ${fmt(readiness.score)}${failed.length ? `; not passed: ${failed.join('; ')}` : ''}`);
  }
}
analyzer.dispose();
