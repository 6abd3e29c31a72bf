/** Strings of the overlay's video picker (which of the page's videos FaceReady checks). */
import { defineCatalog } from './translate';

export const SOURCE_MESSAGES = defineCatalog({
  en: {
    'picker.label': 'Video to check',
    'picker.choose': 'Choose a video…',
    'source.camera': 'Your camera',
    'source.camera-numbered': 'Your camera {n}',
    'source.remote': 'Remote participant {n}',
    'source.video': 'Video {n} on the page',
    'unreadable.cross-origin': '{source} (cannot be read: from another site)',
    'unreadable.protected': '{source} (cannot be read: copy-protected)',
    ended: '{source}: the video ended',
  },
  de: {
    'picker.label': 'Zu prüfendes Video',
    'picker.choose': 'Video auswählen…',
    'source.camera': 'Ihre Kamera',
    'source.camera-numbered': 'Ihre Kamera {n}',
    'source.remote': 'Gesprächspartner {n}',
    'source.video': 'Video {n} auf der Seite',
    'unreadable.cross-origin': '{source} (nicht lesbar: von einer anderen Website)',
    'unreadable.protected': '{source} (nicht lesbar: kopiergeschützt)',
    ended: '{source}: Das Video ist beendet',
  },
});

export type SourceMessageKey = keyof (typeof SOURCE_MESSAGES)['en'];
