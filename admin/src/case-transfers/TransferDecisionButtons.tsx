import AcceptIcon from '@mui/icons-material/CheckCircle';
import DeclineIcon from '@mui/icons-material/DoNotDisturb';
import { maxLength, TextInput, useGetIdentity, useRecordContext } from 'react-admin';
import { noNationalId } from '../common/validators';
import { useExitPoolDataProvider } from '../dataProvider';
import type { CaseTransfer } from '../types';
import { TransferDialogButton } from './TransferDialog';

/** Whether the signed-in user may answer this proposal: a worker of the receiving unit, while it is open. */
export const useMayAnswer = (record: CaseTransfer | undefined): boolean => {
  const { identity } = useGetIdentity();
  return !!record && record.status === 'proposed' && !!identity && identity.unitId === record.toUnitId;
};

export const AcceptTransferButton = () => {
  const record = useRecordContext<CaseTransfer>();
  const dataProvider = useExitPoolDataProvider();
  if (!useMayAnswer(record) || !record) return null;
  return (
    <TransferDialogButton
      label="app.transfers.accept"
      title="app.transfers.accept_title"
      confirm="app.transfers.accept"
      success="app.transfers.accepted"
      description="app.transfers.accept_hint"
      reference={record.caseReference}
      icon={<AcceptIcon />}
      color="success"
      send={() => dataProvider.caseTransferAction(String(record.id), 'accept')}
    />
  );
};

export const DeclineTransferButton = () => {
  const record = useRecordContext<CaseTransfer>();
  const dataProvider = useExitPoolDataProvider();
  if (!useMayAnswer(record) || !record) return null;
  return (
    <TransferDialogButton
      label="app.transfers.decline"
      title="app.transfers.decline_title"
      confirm="app.transfers.decline"
      success="app.transfers.declined"
      reference={record.caseReference}
      icon={<DeclineIcon />}
      color="error"
      send={(values) =>
        dataProvider.caseTransferAction(
          String(record.id),
          'decline',
          values.reason?.trim() ? { reason: values.reason } : {},
        )
      }
    >
      <TextInput
        source="reason"
        label="app.transfers.decline_reason"
        helperText="app.actions.no_identity_hint"
        multiline
        minRows={3}
        fullWidth
        validate={[maxLength(2000), noNationalId]}
      />
    </TransferDialogButton>
  );
};
