/**
 * Every vendor model file FaceReady uses, the npm package it comes from, and whether the extension
 * ships it. Nothing is downloaded: `npm run assets` copies (or converts) each file out of
 * node_modules and verifies it by size and sha256 — a run-time file into public/ (the build copies
 * public/ whole), a file only the Node scripts and tests read (training, parity tests) into
 * dev-assets/, which no build sees. Add a new model here, never by hand.
 */
export interface AssetSpec {
  /** npm package that ships the file (named in the error when it is missing). */
  pkg: string;
  /** Path inside the package. */
  from: string;
  /** Path under public/ (the extension serves it from the same path), or under dev-assets/ when it does not ship. */
  to: string;
  /** True when the extension loads it at run time; false for files only scripts and tests read. */
  ships: boolean;
  /** For the file that defines a shipped model's version: the model's name in the export report. */
  model?: string;
  /** Size and sha256 of the file as the package ships it (checked before any conversion). */
  bytes: number;
  sha256: string;
  /** Optional conversion from the shipped bytes to what the build needs. */
  convert?: (shipped: Buffer) => Buffer;
}

const HUMAN = '@vladmandic/human';
const FACE_API = '@vladmandic/face-api';
const NG_OPEN_CV = 'ng-open-cv';
const TFJS_WASM = '@tensorflow/tfjs-backend-wasm';
const CASCADES = 'lib/assets/opencv/data/haarcascades';

/** Where the files that do not ship go (git-ignored, like public/models/vendor). */
export const DEV_ASSET_DIR = 'dev-assets';
/** The folders under public/ that `npm run assets` owns: anything there that is not a shipped asset is removed. */
export const GENERATED_PUBLIC_DIRS = ['models/vendor', 'wasm'] as const;
/**
 * Whether the engine runs TF.js WASM with threads (issue 15: the offscreen document is cross-origin
 * isolated and starts the pthread workers). The threaded binary ships only while this is true; the
 * branch that turns threads on (`speed`) keeps it true, and turning threads off means setting it false.
 */
export const WASM_THREADS = true;

export const ASSETS: readonly AssetSpec[] = [
  // MediaPipe face detector, face mesh and iris, converted to TF.js graph models by @vladmandic/human.
  { pkg: HUMAN, from: 'models/blazeface.json', to: 'models/vendor/human/blazeface.json', bytes: 79038, ships: true, sha256: 'cd7bbfc078270572beb39f9e5ae67aadbd50b5e67cff37e6d4f6b3ea39312e5f' },
  { pkg: HUMAN, from: 'models/blazeface.bin', to: 'models/vendor/human/blazeface.bin', bytes: 538928, ships: true, model: 'face detector (BlazeFace)', sha256: 'dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72' },
  { pkg: HUMAN, from: 'models/facemesh.json', to: 'models/vendor/human/facemesh.json', bytes: 95845, ships: true, sha256: 'b60ca26f404724f43bd2b1575761d8265180e1f053cc0731caa68462927309e7' },
  { pkg: HUMAN, from: 'models/facemesh.bin', to: 'models/vendor/human/facemesh.bin', bytes: 1477958, ships: true, model: 'face mesh', sha256: '3826da640b0a3021161605369ee6af293f75d518040355b960ec71a3390c1c0b' },
  { pkg: HUMAN, from: 'models/iris.json', to: 'models/vendor/human/iris.json', bytes: 122025, ships: true, sha256: '49038ac9dcc09aa05474d91d98e9db5b47af4830929bcf102ed5a56bfbabb465' },
  { pkg: HUMAN, from: 'models/iris.bin', to: 'models/vendor/human/iris.bin', bytes: 2599092, ships: true, model: 'iris', sha256: 'd7f296d184274213d4642681ae186112cbbec77fd2ab066257d3c56a1940bc71' },
  // MobileNet v1 (width 1.0) weights, the backbone of face-api's SSD face detector: training only, since
  // the trained classifier (public/models/classifier) carries the backbone layers it uses.
  { pkg: FACE_API, from: 'model/ssd_mobilenetv1_model.bin', to: 'models/vendor/face-api/ssd_mobilenetv1_model.bin', bytes: 5616957, ships: false, sha256: '2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8' },
  { pkg: FACE_API, from: 'model/ssd_mobilenetv1_model-weights_manifest.json', to: 'models/vendor/face-api/ssd_mobilenetv1_model-weights_manifest.json', bytes: 28233, ships: false, sha256: '888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955' },
  // OpenCV's original Haar cascades (XML), byte-identical to OpenCV 4.6's opencv-data. The eye check loads
  // haarcascade_eye only; the others are for the evaluator's parity tests against OpenCV.
  { pkg: NG_OPEN_CV, from: `${CASCADES}/haarcascade_eye.xml`, to: 'models/vendor/opencv/haarcascade_eye.xml', bytes: 341406, ships: true, model: 'eye cascade (OpenCV Haar)', sha256: '71cc64fc305a355dc60067880f6fbbd43dd155bd63ee3844661a1bda34b2fd8c' },
  { pkg: NG_OPEN_CV, from: `${CASCADES}/haarcascade_eye_tree_eyeglasses.xml`, to: 'models/vendor/opencv/haarcascade_eye_tree_eyeglasses.xml', bytes: 601661, ships: false, sha256: 'e32f9c67935c33e9d1331eb14fa58554ff17835c03742663bcb97a892e936a57' },
  { pkg: NG_OPEN_CV, from: `${CASCADES}/haarcascade_lefteye_2splits.xml`, to: 'models/vendor/opencv/haarcascade_lefteye_2splits.xml', bytes: 195369, ships: false, sha256: '74c323c78c81475fc9158facbfb866bb0cca06be41f571df47d4ac8d01f9ce4c' },
  { pkg: NG_OPEN_CV, from: `${CASCADES}/haarcascade_righteye_2splits.xml`, to: 'models/vendor/opencv/haarcascade_righteye_2splits.xml', bytes: 196170, ships: false, sha256: '4cf0d72bea7307e9af7eb99d4acbe15d7101a67c22fcdcfbeefd692ad37cf776' },
  // TF.js WASM backend binaries (the fallback backend loads them from the extension, never a CDN).
  { pkg: TFJS_WASM, from: 'dist/tfjs-backend-wasm.wasm', to: 'wasm/tfjs-backend-wasm.wasm', bytes: 311123, ships: true, sha256: '70a5d516060464e5269f01c74bac1772d6b8ab6cb612acf16b5cdaf61f78d892' },
  { pkg: TFJS_WASM, from: 'dist/tfjs-backend-wasm-simd.wasm', to: 'wasm/tfjs-backend-wasm-simd.wasm', bytes: 424594, ships: true, sha256: '77ebb28a6d34f371dbbf2086b7f2de8994acd8ea5a3cf1fa24d2c26c840cac7b' },
  { pkg: TFJS_WASM, from: 'dist/tfjs-backend-wasm-threaded-simd.wasm', to: 'wasm/tfjs-backend-wasm-threaded-simd.wasm', bytes: 435643, ships: WASM_THREADS, sha256: 'c052228d4bef185c27bbe59a9e029570c78bbb9f08b3cb46b597851650373de2' },
];

/** Where `npm run assets` puts a file, relative to the repository root. */
export const assetPath = (spec: AssetSpec): string => `${spec.ships ? 'public' : DEV_ASSET_DIR}/${spec.to}`;

/** The prepared copy of the asset listed at `to` (scripts and tests read model files through this). */
export function assetFile(to: string): string {
  const spec = ASSETS.find((a) => a.to === to);
  if (!spec) throw new Error(`${to} is not in scripts/assets/manifest.ts`);
  return assetPath(spec);
}
