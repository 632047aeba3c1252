import type { Category } from '../types';

/** A category's name in a language: the English name on English screens when it has one, else the Danish. */
export const nameIn = (category: Pick<Category, 'name' | 'nameEn'>, locale: string): string =>
  locale === 'en' && category.nameEn ? category.nameEn : category.name;
