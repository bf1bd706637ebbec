import { describe, expect, it } from 'vitest';
import { preferredLanguage as preferred } from './preferred-language';

const preferredLanguage = (header: string | null) =>
  preferred(header, ['en', 'es', 'fr', 'de', 'pt'] as const);

describe('preferredLanguage', () => {
  it('takes the first supported language a browser asks for', () => {
    expect(preferredLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(preferredLanguage('de-CH')).toBe('de');
    expect(preferredLanguage('pt-BR,pt;q=0.9')).toBe('pt');
    expect(preferredLanguage('FR-ca')).toBe('fr');
  });

  it('skips languages Parley does not speak', () => {
    expect(preferredLanguage('ja-JP,ja;q=0.9,fr;q=0.5')).toBe('fr');
    expect(preferredLanguage('nl-NL, zh;q=0.4')).toBeUndefined();
  });

  it('orders by weight, then by position', () => {
    expect(preferredLanguage('en;q=0.5, de;q=0.8')).toBe('de');
    expect(preferredLanguage('fr;q=0.7, es;q=0.7')).toBe('fr');
    expect(preferredLanguage('en;q=0.1, pt')).toBe('pt');
  });

  it('treats q=0 as a refusal and ignores malformed weights', () => {
    expect(preferredLanguage('es;q=0, fr;q=0.2')).toBe('fr');
    expect(preferredLanguage('de;q=abc, en;q=0.3')).toBe('en');
    expect(preferredLanguage('de;q=1.5')).toBeUndefined();
  });

  it('has no answer for an empty header or a wildcard', () => {
    expect(preferredLanguage(null)).toBeUndefined();
    expect(preferredLanguage('')).toBeUndefined();
    expect(preferredLanguage('*')).toBeUndefined();
    expect(preferredLanguage(' , ;q=1')).toBeUndefined();
  });
});
