import { describe, expect, it } from 'vitest';
import { EXPLAIN_MESSAGES } from '../../../src/i18n/explain-messages';
import { SETTINGS_MESSAGES } from '../../../src/i18n/settings-messages';
import { LOCALES, translator, type Catalog } from '../../../src/i18n/translate';
import { rasterizeText } from '../../../src/xai/bitmap-font';
import { FAST_LIME_OPTIONS } from '../../../src/xai/lime';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['settings', SETTINGS_MESSAGES as Catalog<string>],
  ['explain', EXPLAIN_MESSAGES as Catalog<string>],
])('the %s catalogue', (_name, catalog) => {
  it('has the same placeholders in every language, and no empty message', () => {
    for (const key of Object.keys(catalog.en)) {
      for (const locale of LOCALES) {
        expect(catalog[locale][key], `${locale}.${key}`).not.toBe('');
        expect(placeholders(catalog[locale][key]), `${locale}.${key}`).toEqual(placeholders(catalog.en[key]));
      }
    }
  });
});

describe('explanation titles burnt into the saved PNG', () => {
  it('use only characters the bitmap font can draw, in every language', () => {
    for (const locale of LOCALES) {
      const t = translator(EXPLAIN_MESSAGES, locale);
      for (const title of [t('view.frame'), t('view.gradcam'), t('view.lime', { count: 5 }), t('view.combined'), t('predicted')]) {
        for (const char of title) {
          let pixels = 0;
          rasterizeText(char, 0, 0, 1, () => pixels++);
          expect(pixels > 0 || char === ' ', `${locale}: "${char}" in "${title}"`).toBe(true);
        }
      }
    }
  });
});

describe('the options page’s LIME-samples hint', () => {
  it('names the fast LIME’s shipped sample count in every language (it is written out, so a new count must update it)', () => {
    for (const locale of LOCALES) {
      expect(SETTINGS_MESSAGES[locale]['explain.limeHint'], locale).toContain(`(${FAST_LIME_OPTIONS.numSamples} `);
    }
  });
});
