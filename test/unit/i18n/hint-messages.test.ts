import { describe, expect, it } from 'vitest';
import { workflowWords } from '../../../src/i18n/hint-messages';
import { LOCALES } from '../../../src/i18n/translate';
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
});
