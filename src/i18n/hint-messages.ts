/**
 * The workflow's words: one short instruction per hint, phrased for whose face is checked (the
 * user's own, "self", or a patient's incoming video, "other"), the profile names and the ready messages.
 */
import type { Audience, HintId, ProfileId } from '../workflow/types';
import { defineCatalog, translator, type Locale } from './translate';

export const HINT_CATALOG = defineCatalog({
  en: {
    'self.show-face': 'Show your face to the camera',
    'self.one-person': 'Make sure only you are in view',
    'self.remove-glasses': 'Remove your glasses',
    'self.uncover-face': 'Uncover your face',
    'self.hold-still': 'Hold still or clean the lens',
    'self.more-light': 'Add more light',
    'self.less-light': 'Reduce the light',
    'self.move-closer': 'Move closer',
    'self.move-back': 'Move back a little',
    'self.centre-face': 'Centre your face',
    'self.look-at-camera': 'Look at the camera',
    'self.close-eyes': 'Close your eyes',
    'self.open-eyes': 'Open your eyes',
    'other.show-face': 'Ask the patient to face the camera',
    'other.one-person': 'Make sure only the patient is in view',
    'other.remove-glasses': 'Ask the patient to remove their glasses',
    'other.uncover-face': 'Ask the patient to uncover their face',
    'other.hold-still': 'Ask the patient to hold still or clean their lens',
    'other.more-light': 'Ask the patient to add more light',
    'other.less-light': 'Ask the patient to reduce the light',
    'other.move-closer': 'Ask the patient to move closer',
    'other.move-back': 'Ask the patient to move back a little',
    'other.centre-face': 'Ask the patient to centre their face',
    'other.look-at-camera': 'Ask the patient to look at the camera',
    'other.close-eyes': 'Ask the patient to close their eyes',
    'other.open-eyes': 'Ask the patient to open their eyes',
    'profile.uv': 'UV skin imaging',
    'profile.consult': 'Video consult',
    'profile.id-photo': 'ID photo',
    'ready.uv': 'Ready for UV imaging',
    'ready.consult': 'Ready for the consult',
    'ready.id-photo': 'Ready for the ID photo',
    'not-ready': 'Not ready',
  },
  de: {
    'self.show-face': 'Zeigen Sie Ihr Gesicht der Kamera',
    'self.one-person': 'Achten Sie darauf, dass nur Sie im Bild sind',
    'self.remove-glasses': 'Nehmen Sie Ihre Brille ab',
    'self.uncover-face': 'Machen Sie Ihr Gesicht frei',
    'self.hold-still': 'Halten Sie still oder reinigen Sie die Linse',
    'self.more-light': 'Sorgen Sie für mehr Licht',
    'self.less-light': 'Sorgen Sie für weniger Licht',
    'self.move-closer': 'Kommen Sie näher',
    'self.move-back': 'Gehen Sie etwas zurück',
    'self.centre-face': 'Rücken Sie Ihr Gesicht in die Bildmitte',
    'self.look-at-camera': 'Schauen Sie in die Kamera',
    'self.close-eyes': 'Schließen Sie die Augen',
    'self.open-eyes': 'Öffnen Sie die Augen',
    'other.show-face': 'Bitten Sie den Patienten, in die Kamera zu schauen',
    'other.one-person': 'Achten Sie darauf, dass nur der Patient im Bild ist',
    'other.remove-glasses': 'Bitten Sie den Patienten, die Brille abzunehmen',
    'other.uncover-face': 'Bitten Sie den Patienten, das Gesicht freizumachen',
    'other.hold-still': 'Bitten Sie den Patienten, stillzuhalten oder die Linse zu reinigen',
    'other.more-light': 'Bitten Sie den Patienten, für mehr Licht zu sorgen',
    'other.less-light': 'Bitten Sie den Patienten, für weniger Licht zu sorgen',
    'other.move-closer': 'Bitten Sie den Patienten, näher zu kommen',
    'other.move-back': 'Bitten Sie den Patienten, etwas zurückzugehen',
    'other.centre-face': 'Bitten Sie den Patienten, das Gesicht in die Bildmitte zu rücken',
    'other.look-at-camera': 'Bitten Sie den Patienten, in die Kamera zu schauen',
    'other.close-eyes': 'Bitten Sie den Patienten, die Augen zu schließen',
    'other.open-eyes': 'Bitten Sie den Patienten, die Augen zu öffnen',
    'profile.uv': 'UV-Hautaufnahme',
    'profile.consult': 'Videosprechstunde',
    'profile.id-photo': 'Passfoto',
    'ready.uv': 'Bereit für die UV-Aufnahme',
    'ready.consult': 'Bereit für die Sprechstunde',
    'ready.id-photo': 'Bereit für das Passfoto',
    'not-ready': 'Nicht bereit',
  },
});

export interface WorkflowWords {
  hint(hint: HintId, audience: Audience): string;
  profileName(profile: ProfileId): string;
  ready(profile: ProfileId): string;
  notReady(): string;
}

export function workflowWords(locale: Locale): WorkflowWords {
  const t = translator(HINT_CATALOG, locale);
  return {
    hint: (hint, audience) => t(`${audience}.${hint}`),
    profileName: (profile) => t(`profile.${profile}`),
    ready: (profile) => t(`ready.${profile}`),
    notReady: () => t('not-ready'),
  };
}
