import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { PARTIES, UNIT_PARTIES, type Party } from '../types';

/** Choices for SelectInput / CheckboxGroupInput; react-admin translates the names. */
export const partyChoices = <P extends Party = Party>(parties: readonly P[]) =>
  parties.map((party) => ({ id: party, name: `app.parties.${party}` }));

export const allPartyChoices = partyChoices(PARTIES);

export const unitPartyChoices = partyChoices(UNIT_PARTIES);

/** The parties named, as chips in the user's language. */
export const PartyChips = ({ parties }: { parties: readonly Party[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {parties.map((party) => (
        <Chip key={party} size="small" label={translate(`app.parties.${party}`)} />
      ))}
    </Stack>
  );
};

/** A record's list of parties (a unit's `parties`) as chips; SimpleShowLayout labels it from `source`. */
export const PartiesField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const parties = record?.[source];
  return Array.isArray(parties) ? <PartyChips parties={parties as Party[]} /> : null;
};

/** A record's party (a user's `party`) in the user's language. */
export const PartyField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const party = record?.[source];
  return typeof party === 'string' ? <span>{translate(`app.parties.${party}`)}</span> : null;
};
