import { isLanguage } from '@app/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useI18nProvider, useLocaleState, useNotify } from 'react-admin';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import { session } from '../session';
import { PREFERENCES_KEY } from './usePreferences';

// A switch of language seen and not yet saved. react-admin mounts the whole tree afresh once the new
// language's messages are in (its notifications too), so the save waits for that tree: a failure is
// then told where the user sees it.
let switchedTo: string | undefined;

/**
 * When the signed-in user switches the product's language (app bar, either switch), their
 * e-mails follow: the new language is saved to PUT /api/auth/preferences with their e-mail
 * choice as it stands. The language the page opens in is not sent: only a choice made here.
 */
export const useLanguagePreference = (): void => {
  const [locale] = useLocaleState();
  const previous = useRef(locale);
  const i18nProvider = useI18nProvider();
  const dataProvider = useExitPoolDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refusalText = useRefusalText();

  useEffect(() => {
    if (previous.current !== locale) {
      previous.current = locale;
      switchedTo = locale;
    }
    if (switchedTo !== locale || i18nProvider.getLocale() !== locale) return;
    switchedTo = undefined;
    if (!isLanguage(locale) || !session.getToken() || session.isEnrolmentRequired()) return;
    const save = async () => {
      // the PUT takes both fields: the e-mail choice as the API has it now (another tab may have changed it)
      const current = await queryClient.fetchQuery({
        queryKey: PREFERENCES_KEY,
        queryFn: async () => (await dataProvider.preferences()).data,
        staleTime: 0,
      });
      if (current.language === locale) return;
      const { data } = await dataProvider.savePreferences({ language: locale, email: current.email });
      queryClient.setQueryData(PREFERENCES_KEY, data);
    };
    save().catch((error: unknown) =>
      notify('app.email_preferences.language_not_saved', {
        type: 'warning',
        messageArgs: { message: refusalText(error) },
      }),
    );
  }, [locale, i18nProvider, dataProvider, queryClient, notify, refusalText]);
};
