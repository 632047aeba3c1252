import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import { EDITABLE_STATUSES } from '@app/workflow';
import type { Application } from '../types';
import { ApplicationInputs } from './ApplicationInputs';
import { editTransform } from './transform';

/** The content can change only in draft and while information is requested; the API says 409 otherwise. */
const EditableForm = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  if (!EDITABLE_STATUSES.includes(record.status)) {
    return <Alert severity="info">{translate('app.applications.not_editable')}</Alert>;
  }
  return (
    <SimpleForm
      mode="onBlur"
      reValidateMode="onChange"
      sx={{ maxWidth: 1100 }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <ApplicationInputs edit />
    </SimpleForm>
  );
};

// Pessimistic, so the API's field errors (400 `errors`, e.g. `lines.0.quantity`) land beside the inputs.
export const ApplicationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={editTransform}>
    <EditableForm />
  </Edit>
);
