import { useCallback, useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { Category } from '../types';

/** A category's name in the user's language: the known codes are translated, others keep their stored name. */
export const useCategoryName = () => {
  const translate = useTranslate();
  return useCallback(
    (code: string, storedName?: string) => translate(`app.categories.${code}`, { _: storedName ?? code }),
    [translate],
  );
};

/** Choices for a category input, keyed by code (applications and guidelines refer to categories by code). */
export const useCategoryChoices = (onlyActive = true) => {
  const categoryName = useCategoryName();
  const { data, isPending } = useGetList<Category>('categories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    filter: onlyActive ? { active: true } : {},
  });
  const choices = useMemo(
    () => (data ?? []).map((category) => ({ id: category.code, name: categoryName(category.code, category.name) })),
    [data, categoryName],
  );
  return { choices, isPending };
};
