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

  it('falls back to the Danish name where no English one was given', () => {
    expect(nameIn({ name: 'Tandbehandling', nameEn: null }, 'en')).toBe('Tandbehandling');
  });
});
