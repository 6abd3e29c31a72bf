/**
 * Every ISO/IEC 29794-5-style measure of one face in one frame (docs/measures.md). Pixel measures read
 * the fixed-scale face patch; geometry comes from the mesh; compression reads the frame's own pixels.
 * A measure that cannot be computed on this face (e.g. no skin reference visible) is left out.
 */
import type { RgbaImage } from '../../image';
import type { QualityMeasures } from '../../protocol/quality-measures';
import type { FaceLandmarks } from '../face/types';
import { backgroundUniformity } from './background-uniformity';
import { compressionArtefacts } from './compression-artefacts';
import { cropMeasures } from './crop';
import { dynamicRange } from './dynamic-range';
import { overExposure, underExposure } from './exposure';
import { eyesOpen } from './eyes-open';
import { eyeGeometry } from './face-geometry';
import { facePatch, maskOr } from './face-patch';
import { faceRegions } from './face-regions';
import { glassesFrame } from './glasses-frame';
import { headSize } from './head-size';
import { poseMeasures } from './head-pose';
import { illuminationUniformity } from './illumination-uniformity';
import { interEyeDistance } from './inter-eye-distance';
import { lumaHistogram } from './luma-histogram';
import { luminanceMean, luminanceVariance } from './luminance';
import { mouthClosed } from './mouth-closed';
import { naturalColour } from './natural-colour';
import { eyesVisible, faceOcclusion, mouthOcclusion } from './occlusion';
import { sharpness } from './sharpness';
import { singleFace } from './single-face';
import { skinModel } from './skin';

export function computeMeasures(image: RgbaImage, face: FaceLandmarks, faces: readonly FaceLandmarks[]): QualityMeasures {
  const eyes = eyeGeometry(face);
  const pose = poseMeasures(face.mesh);
  const out: QualityMeasures = {
    'single-face': singleFace(faces),
    'eyes-open': eyesOpen(face, eyes),
    'mouth-closed': mouthClosed(face, eyes),
    'inter-eye-distance': interEyeDistance(eyes, pose.yaw.raw),
    'head-size': headSize(eyes, image.height),
    ...cropMeasures(eyes, image.width, image.height),
    ...pose,
    'compression-artefacts': compressionArtefacts(image, face.box),
  };
  if (eyes.interEye > 0) {
    const patch = facePatch(image, eyes);
    const regions = faceRegions(patch, face);
    const histogram = lumaHistogram(patch, regions.oval);
    if (histogram) {
      out['luminance-mean'] = luminanceMean(histogram);
      out['luminance-variance'] = luminanceVariance(histogram);
      out['under-exposure'] = underExposure(histogram);
      out['over-exposure'] = overExposure(histogram);
      out['dynamic-range'] = dynamicRange(histogram);
    }
    out.sharpness = sharpness(patch, regions.oval);
    out['illumination-uniformity'] = illuminationUniformity(patch, regions.cheekRight, regions.cheekLeft);
    out['background-uniformity'] = backgroundUniformity(patch, regions.background);
    out['glasses-frame'] = glassesFrame(patch, face);
    out['natural-colour'] = naturalColour(patch, maskOr(regions.cheekRight, regions.cheekLeft));
    const skin = skinModel(patch, regions.skinReference);
    if (skin) {
      out['eyes-visible'] = eyesVisible(skin, regions.periocular);
      out['mouth-occlusion'] = mouthOcclusion(skin, regions.mouth);
      out['face-occlusion'] = faceOcclusion(skin, regions.lowerFace, face.meshScore);
    }
  }
  for (const key of Object.keys(out) as (keyof QualityMeasures)[]) if (out[key] === undefined) delete out[key];
  return out;
}
