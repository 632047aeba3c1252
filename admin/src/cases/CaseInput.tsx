import { FormControlLabel, Stack, Switch } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, ReferenceInput, required, useRecordContext, useTranslate } from 'react-admin';
import type { Case } from '../types';
import { CaseStatusField } from './caseStatus';

// Closed: completed or discontinued, its course ended or broken off.
const OPEN_CASE_STATUSES = ['assessment', 'active'] as const;

const CaseOption = () => {
  const record = useRecordContext<Case>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', width: '100%' }} data-testid="case-option">
      <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{record.reference}</span>
      <CaseStatusField />
    </Stack>
  );
};

/**
 * The case an application is for, by reference and with its status. Closed cases (completed,
 * discontinued) are left out unless asked for; a case chosen already (from its page) shows whatever it is.
 */
export const CaseInput = ({ source = 'caseId' }: { source?: string }) => {
  const translate = useTranslate();
  const [showClosed, setShowClosed] = useState(false);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { sm: 'center' }, columnGap: 2 }}>
      <ReferenceInput
        source={source}
        reference="cases"
        sort={{ field: 'reference', order: 'ASC' }}
        perPage={50}
        filter={showClosed ? {} : { status: OPEN_CASE_STATUSES }}
      >
        <AutocompleteInput
          optionText={<CaseOption />}
          inputText={(c: Case) => `${c.reference} · ${translate(`app.case_status.${c.status}`, { _: c.status })}`}
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          sx={{ minWidth: 300 }}
        />
      </ReferenceInput>
      <FormControlLabel
        control={<Switch size="small" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />}
        label={translate('app.cases.show_closed')}
        sx={{ mb: { sm: 2.5 }, whiteSpace: 'nowrap' }}
      />
    </Stack>
  );
};
