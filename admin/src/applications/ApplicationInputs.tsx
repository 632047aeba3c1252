import { Box } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { CaseInput } from '../cases/CaseInput';
import { useCategoryChoices } from '../common/categories';
import { noNationalId } from '../common/validators';
import { GuidelineHint, useCategoryRules } from './GuidelineHint';
import { LinesInput } from './LinesInput';

/** Session dates matter where the guideline spaces sessions (tattoo removal: six weeks apart). */
const SessionDatesInput = () => {
  const { rules } = useCategoryRules();
  const categoryCode = useWatch({ name: 'categoryCode' }) as string | undefined;
  const dates = useWatch({ name: 'plannedSessionDates' }) as unknown[] | undefined;
  const spaced = rules ? rules.minSessionSpacingDays != null : categoryCode === 'tattoo_removal';
  if (!spaced && !dates?.length) return null;
  return (
    <ArrayInput source="plannedSessionDates" label="resources.applications.fields.plannedSessionDates">
      <SimpleFormIterator inline disableReordering>
        <DateInput
          source=""
          label="app.applications.session_date"
          validate={required()}
          helperText={false}
          sx={{ width: 220 }}
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/**
 * Inputs shared by ApplicationCreate and ApplicationEdit. No name, address or
 * identity number belongs here: the case is known by its pseudonymous reference.
 */
export const ApplicationInputs = ({ edit = false }: { edit?: boolean }) => {
  const { choices, isPending } = useCategoryChoices();
  return (
    <>
      {edit ? <TextInput source="caseReference" readOnly /> : <CaseInput />}
      <SelectInput source="categoryCode" choices={choices} isPending={isPending} validate={required()} />
      <GuidelineHint />
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <BooleanInput source="urgent" helperText="app.applications.urgent_hint" />
        <BooleanInput source="ordinaryFundingConsidered" helperText="app.applications.ordinary_funding_hint" />
      </Box>
      <TextInput
        source="justification"
        multiline
        minRows={4}
        fullWidth
        validate={[required(), maxLength(5000), noNationalId]}
        helperText="app.applications.justification_hint"
      />
      <LinesInput />
      <SessionDatesInput />
    </>
  );
};
