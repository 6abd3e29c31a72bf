import { browser } from 'wxt/browser';
import { createCaptureController } from '../capture/capture-controller';
import { shippedModelVersions } from '../export/shipped-model-versions';
import { saveExport } from './save-export';

/**
 * A capture controller that records this build in its reports (the shipped model versions and the
 * extension's version) and saves exports as downloads.
 */
export function createExtensionCaptureController() {
  return createCaptureController({
    saveExport,
    models: shippedModelVersions(),
    app: { name: 'FaceReady', version: browser.runtime.getManifest().version },
    timeOrigin: performance.timeOrigin,
    now: Date.now,
  });
}
