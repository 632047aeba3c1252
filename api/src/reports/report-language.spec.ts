import { categoryLabel, payeeTypeLabel, periodLabel, pickLanguage } from './report-language.js';

describe(pickLanguage.name, () => {
  it('takes lang first', () => {
    expect(pickLanguage('en', 'da')).toBe('en');
    expect(pickLanguage('da', undefined)).toBe('da');
  });

  it('takes the Danish or English tag of Accept-Language with the highest weight', () => {
    expect(pickLanguage(undefined, 'da-DK,da;q=0.9,en;q=0.8')).toBe('da');
    expect(pickLanguage(undefined, 'en-GB;q=0.5, da;q=0.7')).toBe('da');
    expect(pickLanguage(undefined, 'fr-FR, en;q=0.3, da;q=0.2')).toBe('en');
    expect(pickLanguage(undefined, 'da;q=0, en-US')).toBe('en');
  });

  it('takes Finnish, by lang or by Accept-Language', () => {
    expect(pickLanguage('fi', 'da')).toBe('fi');
    expect(pickLanguage(undefined, 'fi-FI,fi;q=0.9,en;q=0.8')).toBe('fi');
    expect(pickLanguage(undefined, 'sv-SE,fi')).toBe('fi');
  });

  it('falls back to English', () => {
    expect(pickLanguage(undefined, undefined)).toBe('en');
    expect(pickLanguage(undefined, 'sv-SE,de')).toBe('en');
    expect(pickLanguage(undefined, ';;,')).toBe('en');
  });
});

describe(periodLabel.name, () => {
  it.each([
    [{ year: 2026 }, 'en', '2026'],
    [{ from: '2026-01-01', to: '2026-06-30' }, 'da', '2026-01-01_2026-06-30'],
    [{ year: 2026, from: '2026-01-01', to: '2026-03-31' }, 'en', '2026_2026-01-01_2026-03-31'],
    [{ from: '2026-01-01' }, 'da', 'fra-2026-01-01'],
    [{ to: '2026-06-30' }, 'en', 'to-2026-06-30'],
    [{}, 'da', 'alle'],
    [{ from: '2026-01-01' }, 'fi', 'alkaen-2026-01-01'],
    [{}, 'fi', 'kaikki'],
    [{ year: null, from: null, to: null }, 'en', 'all'],
  ] as const)('names %j in %s as %s', (period, language, label) => {
    expect(periodLabel(period, language)).toBe(label);
  });
});

describe(categoryLabel.name, () => {
  const names = { name: 'Psykologbehandling', nameEn: 'Psychological treatment' };

  it('names a category in the language asked', () => {
    expect(categoryLabel('psychological_treatment', 'en', names)).toBe('Psychological treatment');
    expect(categoryLabel('psychological_treatment', 'da', names)).toBe('Psykologbehandling');
  });

  it('names a category in Finnish, else in English, else in Danish', () => {
    const tattoo = { name: 'Fjernelse af tatovering', nameEn: 'Tattoo removal', nameFi: 'Tatuoinnin poisto' };
    expect(categoryLabel('tattoo_removal', 'fi', tattoo)).toBe('Tatuoinnin poisto');
    expect(categoryLabel('tattoo_removal', 'fi', { ...tattoo, nameFi: null })).toBe('Tattoo removal');
    expect(categoryLabel('dental', 'fi', { name: 'Tandpleje', nameEn: null, nameFi: null })).toBe('Tandpleje');
  });

  it('falls back to the Danish name without an English one, and to the code without names', () => {
    expect(categoryLabel('dental', 'en', { name: 'Tandpleje', nameEn: null })).toBe('Tandpleje');
    expect(categoryLabel('dental', 'da')).toBe('dental');
  });
});

describe(payeeTypeLabel.name, () => {
  it('names a payee type in words', () => {
    expect(payeeTypeLabel('clinic', 'da')).toBe('Klinik');
    expect(payeeTypeLabel('municipality', 'en')).toBe('Municipality');
    expect(payeeTypeLabel('landlord', 'fi')).toBe('Vuokranantaja');
    expect(payeeTypeLabel('unknown', 'en')).toBe('unknown');
  });
});
