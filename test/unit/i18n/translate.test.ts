import { describe, expect, it } from 'vitest';
import { defineCatalog, pickLocale, translator } from '../../../src/i18n/translate';

const catalog = defineCatalog({
  en: { greet: 'Hello {name}, {count} faces', plain: 'Ready' },
  de: { greet: 'Hallo {name}, {count} Gesichter', plain: 'Bereit' },
});

describe('translator', () => {
  it('substitutes named parameters in the chosen language', () => {
    expect(translator(catalog, 'de')('greet', { name: 'Ada', count: 2 })).toBe('Hallo Ada, 2 Gesichter');
    expect(translator(catalog, 'en')('plain')).toBe('Ready');
  });

  it('leaves a placeholder without a parameter visible rather than inventing a value', () => {
    expect(translator(catalog, 'en')('greet', { name: 'Ada' })).toBe('Hello Ada, {count} faces');
  });
});

describe('pickLocale', () => {
  it('takes the first preferred language FaceReady speaks, ignoring region', () => {
    expect(pickLocale(['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(pickLocale(['EN-gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLocale(['fr', 'ja'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
