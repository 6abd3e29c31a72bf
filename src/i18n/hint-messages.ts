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
    'self.better-connection': 'Improve the video: use a faster connection or a better camera',
    'self.show-eyes': 'Make sure your eyes can be seen',
    'self.straighten-head': 'Hold your head straight, not tilted',
    'self.even-light': 'Light your face evenly from the front',
    'self.white-light': 'Use white light, not coloured light',
    'self.plain-background': 'Sit in front of a plain background',
    'self.close-mouth': 'Close your mouth',
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
    'other.better-connection': 'The video is heavily compressed: ask the patient to use a faster connection or a better camera',
    'other.show-eyes': 'Ask the patient to make sure their eyes can be seen',
    'other.straighten-head': 'Ask the patient to hold their head straight',
    'other.even-light': 'Ask the patient to light their face evenly from the front',
    'other.white-light': 'Ask the patient to use white light, not coloured light',
    'other.plain-background': 'Ask the patient to sit in front of a plain background',
    'other.close-mouth': 'Ask the patient to close their mouth',
    'profile.uv': 'UV skin imaging',
    'profile.consult': 'Video consult',
    'profile.id-photo': 'ID photo',
    'ready.uv': 'Ready for UV imaging',
    'ready.consult': 'Ready for the consult',
    'ready.id-photo': 'Ready for the ID photo',
    'not-ready': 'Not ready yet',
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
    'self.better-connection': 'Verbessern Sie das Video: schnellere Verbindung oder bessere Kamera',
    'self.show-eyes': 'Achten Sie darauf, dass Ihre Augen zu sehen sind',
    'self.straighten-head': 'Halten Sie den Kopf gerade, nicht geneigt',
    'self.even-light': 'Beleuchten Sie Ihr Gesicht gleichmäßig von vorn',
    'self.white-light': 'Verwenden Sie weißes Licht, kein farbiges',
    'self.plain-background': 'Setzen Sie sich vor einen einfarbigen Hintergrund',
    'self.close-mouth': 'Schließen Sie den Mund',
    'other.show-face': 'Bitten Sie den Patienten, das Gesicht der Kamera zuzuwenden',
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
    'other.better-connection': 'Das Video ist stark komprimiert: Bitten Sie den Patienten um eine schnellere Verbindung oder eine bessere Kamera',
    'other.show-eyes': 'Bitten Sie den Patienten, die Augen sichtbar zu machen',
    'other.straighten-head': 'Bitten Sie den Patienten, den Kopf gerade zu halten',
    'other.even-light': 'Bitten Sie den Patienten, das Gesicht gleichmäßig von vorn zu beleuchten',
    'other.white-light': 'Bitten Sie den Patienten, weißes statt farbiges Licht zu verwenden',
    'other.plain-background': 'Bitten Sie den Patienten, sich vor einen einfarbigen Hintergrund zu setzen',
    'other.close-mouth': 'Bitten Sie den Patienten, den Mund zu schließen',
    'profile.uv': 'UV-Hautaufnahme',
    'profile.consult': 'Videosprechstunde',
    'profile.id-photo': 'Passfoto',
    'ready.uv': 'Bereit für die UV-Aufnahme',
    'ready.consult': 'Bereit für die Sprechstunde',
    'ready.id-photo': 'Bereit für das Passfoto',
    'not-ready': 'Noch nicht bereit',
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
