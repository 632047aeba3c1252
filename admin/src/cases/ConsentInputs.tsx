import { Typography } from '@mui/material';
import { CheckboxGroupInput, DateInput, useGetIdentity, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { unitPartyChoices } from '../common/parties';
import type { Case, Unit } from '../types';

/**
 * The candidate's consent declaration: which of the unit's parties may exchange information about
 * the case, and the date given. On a change, parties can only be added: taking one away is a
 * withdrawal, with its own button and reason on the case's page.
 */
export const ConsentInputs = () => {
  const translate = useTranslate();
  const record = useRecordContext<Case>();
  const { identity } = useGetIdentity();
  const unitId = record?.unitId ?? (identity?.unitId as string | undefined);
  const { data: unit } = useGetOne<Unit>('units', { id: unitId ?? '' }, { enabled: !!unitId });
  const given = record?.consent?.parties ?? [];
  const choices = unitPartyChoices
    .filter((choice) => !unit || unit.parties.includes(choice.id))
    // a covered party stays ticked: withdrawing is done on the case's page, with a reason
    .map((choice) => ({ ...choice, disabled: given.includes(choice.id) }));
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('app.cases.consent')}
      </Typography>
      <CheckboxGroupInput
        source="consent.parties"
        label="app.cases.consent_parties"
        choices={choices}
        helperText={given.length ? 'app.cases.consent_add_only' : 'app.cases.consent_parties_hint'}
        row={false}
      />
      <DateInput source="consent.givenOn" label="app.cases.consent_given_on" />
    </>
  );
};

type Consent = { parties?: string[]; givenOn?: string | null } | null | undefined;

/**
 * The consent the form sends: none when nothing is ticked and no date given (the case has no consent
 * yet), else `{ parties, givenOn }`; on an edit only when it differs from the consent as loaded.
 */
export const consentToSend = (consent: Consent, previous?: Consent): { consent?: object } => {
  const parties = consent?.parties ?? [];
  const givenOn = consent?.givenOn || null;
  if (!parties.length && !givenOn) return {};
  const same =
    previous &&
    JSON.stringify([...(previous.parties ?? [])].sort()) === JSON.stringify([...parties].sort()) &&
    (previous.givenOn ?? null) === givenOn;
  return same ? {} : { consent: { parties, givenOn } };
};
