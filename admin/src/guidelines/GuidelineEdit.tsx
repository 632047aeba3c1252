import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import type { GuidelineRecord } from '../types';
import { GuidelineInputs } from './GuidelineInputs';
import { editTransform } from './transform';

/** Only a draft may change (the API answers 409 otherwise). */
const DraftForm = () => {
  const record = useRecordContext<GuidelineRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status !== 'draft') return <Alert severity="info">{translate('app.guidelines.not_editable')}</Alert>;
  return (
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <GuidelineInputs />
    </SimpleForm>
  );
};

// Pessimistic, so the API's field errors (e.g. `categories.0.maxPerCase`) land beside the inputs.
export const GuidelineEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={editTransform}>
    <DraftForm />
  </Edit>
);
