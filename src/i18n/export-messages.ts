/** Strings of the overlay's capture and export section (src/ui/CaptureSection.tsx). */
import { defineCatalog } from './translate';

export const EXPORT_MESSAGES = defineCatalog({
  en: {
    section: 'Capture and export',
    bestFrameScore: 'Best frame (score {score}%)',
    bestFrameLast: 'Best frame of the last ready moment (score {score}%)',
    capture: 'Capture',
    captured: 'Captured frame',
    save: 'Save',
    format: 'Image format',
    'format.png': 'PNG',
    'format.jpeg': 'JPEG',
    withExplanation: 'The open explanation is saved too.',
    saving: 'Saving…',
    saved: 'Saved {files}',
    saveFailed: 'Saving failed: {error}',
    thumbnail: 'Aligned face to be saved',
  },
  de: {
    section: 'Aufnehmen und exportieren',
    bestFrameScore: 'Bestes Bild (Wert {score} %)',
    bestFrameLast: 'Bestes Bild des letzten bereiten Moments (Wert {score} %)',
    capture: 'Aufnehmen',
    captured: 'Aufgenommenes Bild',
    save: 'Speichern',
    format: 'Bildformat',
    'format.png': 'PNG',
    'format.jpeg': 'JPEG',
    withExplanation: 'Die geöffnete Erklärung wird mitgespeichert.',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert: {files}',
    saveFailed: 'Speichern fehlgeschlagen: {error}',
    thumbnail: 'Ausgerichtetes Gesicht, das gespeichert wird',
  },
});

export type ExportMessageKey = keyof (typeof EXPORT_MESSAGES)['en'];
