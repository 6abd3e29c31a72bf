/** The eye check's two model files as Node scripts and tests read them: the Haar cascade and the eye-crop model. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEyePatchModel, type EyePatchModel } from '../../../src/model/eyes/eye-patch-model';

const PUBLIC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public');

export function readEyeModels(): { cascade: string; patchModel: EyePatchModel } {
  return {
    cascade: readFileSync(join(PUBLIC, 'models/vendor/opencv/haarcascade_eye.xml'), 'utf8'),
    patchModel: validateEyePatchModel(JSON.parse(readFileSync(join(PUBLIC, 'models/eyes/eye-patch-model.json'), 'utf8'))),
  };
}
