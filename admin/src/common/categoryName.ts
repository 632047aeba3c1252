import type { Category } from '../types';

/**
 * A category's name in a language: the English name on English screens when it has one, else the Danish;
 * the Finnish name on Finnish screens, else the English, else the Danish.
 */
export const nameIn = (category: Pick<Category, 'name' | 'nameEn' | 'nameFi'>, locale: string): string => {
  if (locale === 'fi') return category.nameFi || category.nameEn || category.name;
  return locale === 'en' && category.nameEn ? category.nameEn : category.name;
};
