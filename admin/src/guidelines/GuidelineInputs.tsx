import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { CASE_STATUSES, DOCUMENT_KINDS, UNIT_LABELS } from '@app/guidelines';
import { useCategoryChoices } from '../common/categories';
import { MoneyInput, minMoney } from '../common/MoneyInput';
import { wholeNumber } from '../common/validators';

const unitLabelChoices = UNIT_LABELS.map((label) => ({ id: label, name: `app.unit_labels_choice.${label}` }));
const documentChoices = DOCUMENT_KINDS.map((kind) => ({ id: kind, name: `app.attachment_kinds.${kind}` }));
const caseStatusChoices = CASE_STATUSES.map((status) => ({ id: status, name: `app.case_status.${status}` }));

const atLeastOne: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'app.validation.at_least_one';

const noDuplicateCategories: Validator = (value: unknown) => {
  if (!Array.isArray(value)) return undefined;
  const codes = value.map((rules: { categoryCode?: string }) => rules?.categoryCode).filter(Boolean);
  return new Set(codes).size === codes.length ? undefined : 'app.validation.duplicate_category';
};

const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  columnGap: 2,
  width: '100%',
} as const;

/** One category's limits. Amounts are typed in kroner and kept in øre. */
const CategoryRulesInputs = () => {
  const { choices } = useCategoryChoices(false);
  return (
    <Box sx={{ width: '100%', py: 1 }}>
      <Box sx={grid}>
        <SelectInput source="categoryCode" choices={choices} validate={required()} />
        <SelectInput source="unitLabel" choices={unitLabelChoices} validate={required()} defaultValue="session" />
        <NumberInput
          source="maxUnitsPerApplication"
          step={1}
          min={1}
          validate={[required(), wholeNumber, minValue(1)]}
        />
        <NumberInput
          source="minSessionSpacingDays"
          step={1}
          min={1}
          validate={[wholeNumber, minValue(1)]}
          helperText="app.guidelines.spacing_hint"
        />
        <MoneyInput source="maxPerApplication" validate={[required(), minMoney(1)]} />
        <MoneyInput source="maxPerCase" validate={[required(), minMoney(1)]} />
        <MoneyInput source="maxUnitAmount" validate={[required(), minMoney(1)]} />
        <MoneyInput source="secondApprovalAbove" validate={[required(), minMoney(0)]} />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
        <CheckboxGroupInput source="requiredDocuments" choices={documentChoices} defaultValue={['quote']} />
        <CheckboxGroupInput
          source="allowedCaseStatuses"
          choices={caseStatusChoices}
          validate={atLeastOne}
          defaultValue={['active']}
        />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
        <BooleanInput source="agreementRequired" defaultValue={true} />
        <BooleanInput source="urgentMayPrecedeAgreement" defaultValue={false} helperText="app.guidelines.urgent_hint" />
      </Box>
    </Box>
  );
};

/** Inputs shared by GuidelineCreate and GuidelineEdit (a draft; a published version never changes). */
export const GuidelineInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <TextInput
          source="version"
          validate={[required(), maxLength(40)]}
          helperText="app.guidelines.version_hint"
          sx={{ width: 200 }}
        />
        <DateInput source="effectiveFrom" validate={required()} sx={{ width: 200 }} />
        <NumberInput
          source="minAge"
          step={1}
          validate={[required(), wholeNumber, minValue(0), maxValue(120)]}
          sx={{ width: 200 }}
        />
        <NumberInput
          source="maxCourseMonths"
          step={1}
          validate={[required(), wholeNumber, minValue(1)]}
          sx={{ width: 200 }}
        />
      </Box>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('app.guidelines.categories')}
      </Typography>
      <ArrayInput source="categories" label={false} validate={[atLeastOne, noDuplicateCategories]}>
        <SimpleFormIterator disableReordering fullWidth getItemLabel={(index) => `#${index + 1}`}>
          <CategoryRulesInputs />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
