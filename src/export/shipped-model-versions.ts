/**
 * The versions of the models this build ships, for the export report: the classifier's config
 * (bundled at build time, so it is the one the engine loads) and the face models' weights as listed,
 * with their sha256, in the asset manifest (pure data, the single source of what is shipped).
 */
import classifierConfig from '../../public/models/classifier/config.json';
import { ASSETS } from '../../scripts/assets/manifest';
import type { ModelVersions } from './capture-report';

/** The weight files that define each face model the engine loads (src/engine/engine.ts MODEL_PATHS). */
const FACE_MODEL_FILES: Record<string, string> = {
  'face detector (BlazeFace)': 'models/vendor/human/blazeface.bin',
  'face mesh': 'models/vendor/human/facemesh.bin',
  iris: 'models/vendor/human/iris.bin',
  'eye cascade (OpenCV Haar)': 'models/vendor/opencv/haarcascade_eye.xml',
};

export function shippedModelVersions(): ModelVersions {
  return {
    classifier: {
      version: classifierConfig.version,
      backbone: classifierConfig.backbone,
      inputSize: classifierConfig.inputSize,
      uncertaintyThreshold: classifierConfig.uncertaintyThreshold,
    },
    faceModels: Object.entries(FACE_MODEL_FILES).map(([name, to]) => {
      const asset = ASSETS.find((a) => a.to === to);
      if (!asset) throw new Error(`shippedModelVersions: ${to} is not in the asset manifest`);
      return { name, package: asset.pkg, sha256: asset.sha256 };
    }),
  };
}
