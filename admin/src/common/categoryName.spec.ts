import { describe, expect, it } from '@jest/globals';
import { nameIn } from './categoryName';

describe('nameIn', () => {
  const tattoo = { name: 'Fjernelse af tatovering', nameEn: 'Tattoo removal' };

  it('shows the English name on English screens', () => {
    expect(nameIn(tattoo, 'en')).toBe('Tattoo removal');
  });

  it('shows the Danish name on Danish screens', () => {
    expect(nameIn(tattoo, 'da')).toBe('Fjernelse af tatovering');
  });

  it('shows the Finnish name on Finnish screens', () => {
    expect(nameIn({ ...tattoo, nameFi: 'Tatuoinnin poisto' }, 'fi')).toBe('Tatuoinnin poisto');
  });

  it('falls back to the English name, then the Danish, where no Finnish one was given', () => {
    expect(nameIn(tattoo, 'fi')).toBe('Tattoo removal');
    expect(nameIn({ name: 'Tandbehandling', nameEn: null, nameFi: null }, 'fi')).toBe('Tandbehandling');
  });

  it('falls back to the Danish name where no English one was given', () => {
    expect(nameIn({ name: 'Tandbehandling', nameEn: null }, 'en')).toBe('Tandbehandling');
  });
});
