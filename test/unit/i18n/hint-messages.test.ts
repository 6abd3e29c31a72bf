import { describe, expect, it } from 'vitest';
import { workflowWords } from '../../../src/i18n/hint-messages';
import { LOCALES } from '../../../src/i18n/translate';
import { measureName } from '../../../src/i18n/measure-messages';
import { MEASURE_IDS } from '../../../src/protocol/quality-measures';
import { MEASURE_HINTS } from '../../../src/workflow/measure-checks';
import { HINT_IDS, PROFILE_IDS } from '../../../src/workflow/types';

describe('workflow words', () => {
  it('phrase each hint for the user themself and for someone else\'s video', () => {
    const en = workflowWords('en');
    expect(en.hint('remove-glasses', 'self')).toBe('Remove your glasses');
    expect(en.hint('remove-glasses', 'other')).toBe('Ask the patient to remove their glasses');
    expect(en.hint('close-eyes', 'self')).toBe('Close your eyes');
    expect(workflowWords('de').hint('close-eyes', 'self')).toBe('Schließen Sie die Augen');
  });
  it('name every profile and its ready message, in every language, each different', () => {
    for (const locale of LOCALES) {
      const words = workflowWords(locale);
      const texts = [...HINT_IDS.flatMap((h) => [words.hint(h, 'self'), words.hint(h, 'other')]), ...PROFILE_IDS.flatMap((p) => [words.profileName(p), words.ready(p)])];
      expect(texts.every((t) => t.length > 0)).toBe(true);
      expect(new Set(PROFILE_IDS.map(words.ready)).size).toBe(PROFILE_IDS.length);
    }
    expect(workflowWords('en').ready('uv')).toBe('Ready for UV imaging');
    expect(workflowWords('en').ready('consult')).toBe('Ready for the consult');
    expect(workflowWords('en').ready('id-photo')).toBe('Ready for the ID photo');
  });
  it('give every hint its own words for the patient and for the doctor, in every language', () => {
    for (const locale of LOCALES) {
      const words = workflowWords(locale);
      for (const audience of ['self', 'other'] as const) expect(new Set(HINT_IDS.map((h) => words.hint(h, audience))).size).toBe(HINT_IDS.length);
      for (const hint of HINT_IDS) expect(words.hint(hint, 'other')).not.toBe(words.hint(hint, 'self'));
    }
    expect(workflowWords('en').hint('more-light', 'other')).toBe('Ask the patient to add more light');
    expect(workflowWords('de').hint('straighten-head', 'self')).toBe('Halten Sie den Kopf gerade, nicht geneigt');
  });
  it('name every measure in every language, and every measure has a hint', () => {
    for (const locale of LOCALES) expect(new Set(MEASURE_IDS.map((id) => measureName(id, locale))).size).toBe(MEASURE_IDS.length);
    expect(measureName('sharpness', 'de')).toBe('Schärfe');
    const hinted = MEASURE_IDS.flatMap((id) => { const h = MEASURE_HINTS[id]; return typeof h === 'string' ? [h] : [h.low, h.high]; });
    expect(hinted.every((h) => (HINT_IDS as readonly string[]).includes(h))).toBe(true);
  });
});
