import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  CircularProgress,
  FormControl,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { isLanguage } from '@app/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import { EMAIL_CHOICES, type EmailChoice, type Preferences } from '../types';
import { PREFERENCES_KEY, usePreferences } from './usePreferences';

const ChoiceForm = ({ preferences }: { preferences: Preferences }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refusalText = useRefusalText();
  const dataProvider = useExitPoolDataProvider();
  const queryClient = useQueryClient();
  const [locale] = useLocaleState();
  const labelId = useId();
  const [choice, setChoice] = useState<EmailChoice>(preferences.email);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // e-mails follow the language the user reads the product in: saving brings them in line with it
  const language: Preferences['language'] = isLanguage(locale) ? locale : preferences.language;
  const languageName = (code: string) => translate(`app.email_preferences.languages.${code}`, { _: code });
  const changed = choice !== preferences.email || language !== preferences.language;

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const { data } = await dataProvider.savePreferences({ language, email: choice });
      queryClient.setQueryData(PREFERENCES_KEY, data);
      notify('app.email_preferences.saved', { type: 'success' });
    } catch (error) {
      setProblem(refusalText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      <FormControl>
        <Typography id={labelId} variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {translate('app.email_preferences.question')}
        </Typography>
        <RadioGroup
          aria-labelledby={labelId}
          value={choice}
          onChange={(_event, value) => setChoice(value as EmailChoice)}
        >
          {EMAIL_CHOICES.map((option) => (
            <FormControlLabel
              key={option}
              value={option}
              control={<Radio />}
              sx={{ alignItems: 'flex-start', mb: 1, '& .MuiRadio-root': { pt: 0.25 } }}
              label={
                <>
                  <Typography variant="body2">{translate(`app.email_preferences.${option}`)}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {translate(`app.email_preferences.${option}_hint`)}
                  </Typography>
                </>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.email_preferences.promise')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {language === preferences.language
          ? translate('app.email_preferences.language', { language: languageName(language) })
          : translate('app.email_preferences.language_differs', {
              saved: languageName(preferences.language),
              current: languageName(language),
            })}
      </Typography>
      <Box>
        <Button
          variant="contained"
          onClick={save}
          disabled={saving || !changed}
          startIcon={saving ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
        >
          {translate('app.email_preferences.save')}
        </Button>
      </Box>
    </>
  );
};

/** On the account page: whether notifications also come by e-mail, one each, a daily digest, or none. */
export const NotificationsCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = usePreferences();
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('app.email_preferences.title')}
        subheader={translate('app.email_preferences.subheader')}
        slotProps={{
          title: { variant: 'subtitle1', component: 'h2', fontWeight: 600 },
          subheader: { variant: 'body2' },
        }}
        sx={{ pb: 0.5 }}
      />
      <CardContent sx={{ pt: 1 }}>
        {isPending ? (
          <LinearProgress />
        ) : error || !data ? (
          <Alert severity="error">{translate('app.email_preferences.load_failed')}</Alert>
        ) : (
          // a new key when the saved choice changes (another tab, the language switch): the form starts from it
          <ChoiceForm key={`${data.email}-${data.language}`} preferences={data} />
        )}
      </CardContent>
    </Card>
  );
};
