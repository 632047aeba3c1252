import { Alert } from '@mui/material';
import { DateInput, NumberInput, SelectInput, maxValue, minValue, required, useTranslate } from 'react-admin';
import { wholeNumber } from '../common/validators';
import { editableCaseStatusChoices } from './caseStatus';
import { ConsentInputs } from './ConsentInputs';

const thisYear = new Date().getFullYear();
const birthYear = [wholeNumber, minValue(1900), maxValue(thisYear)];

/** The pseudonymous facts of a case the guidelines check; the reference is made by the server. */
export const CaseInputs = () => (
  <>
    <SelectInput source="status" choices={editableCaseStatusChoices} validate={required()} />
    <NumberInput
      source="birthYear"
      step={1}
      min={1900}
      max={thisYear}
      validate={birthYear}
      helperText="app.cases.birth_year_hint"
    />
    <ConsentInputs />
    <DateInput source="agreementSignedOn" />
    <DateInput source="programmeStart" />
  </>
);

/** Cases hold no identity: say so where a case is made. */
export const PseudonymousHint = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, maxWidth: 640 }}>
      {translate('app.cases.pseudonymous_hint')}
    </Alert>
  );
};
