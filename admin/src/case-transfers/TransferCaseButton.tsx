import MoveIcon from '@mui/icons-material/MoveUp';
import { ReferenceInput, SelectInput, maxLength, required, TextInput, useRecordContext } from 'react-admin';
import { noNationalId } from '../common/validators';
import { useRole } from '../common/useRole';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Case } from '../types';
import { TransferDialogButton } from './TransferDialog';
import { useOpenTransfer } from './PendingTransferNotice';
import { useIsCustodyUnit } from './useUnitCode';

/** A case that has ended, or was purged, stays where it is. */
const movable = (record: Case) => !record.purgedAt && record.status !== 'completed' && record.status !== 'discontinued';

/**
 * Transfers the case to another unit: the unit worker proposes, the receiving unit accepts; a contact
 * point's transfer takes effect at once. A case of the custody unit reads "Released to …": its
 * agreement passes to the local unit at release, the common path, in one step.
 */
export const TransferCaseButton = () => {
  const record = useRecordContext<Case>();
  const role = useRole();
  const dataProvider = useExitPoolDataProvider();
  const custody = useIsCustodyUnit(record?.unitId);
  // one open proposal at a time: the case page says where it waits
  const open = useOpenTransfer(record?.id);
  if (!record || !movable(record) || open || (role !== 'unit_worker' && role !== 'contact_point')) return null;
  const direct = role === 'contact_point';
  const words = custody ? 'release' : 'transfer';
  return (
    <TransferDialogButton
      label={`app.transfers.${words}`}
      title={`app.transfers.${words}_title`}
      confirm={direct ? `app.transfers.${words}_now` : 'app.transfers.propose'}
      success={direct ? 'app.transfers.transferred' : 'app.transfers.proposed'}
      description={direct ? 'app.transfers.direct_hint' : 'app.transfers.propose_hint'}
      reference={record.reference}
      icon={<MoveIcon />}
      send={(values) =>
        dataProvider.transferCase(String(record.id), { toUnitId: values.toUnitId, reason: values.reason })
      }
    >
      <ReferenceInput
        source="toUnitId"
        reference="units"
        filter={{ active: true }}
        sort={{ field: 'code', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput
          label={custody ? 'app.transfers.released_to' : 'app.transfers.to_unit'}
          optionText={(unit: { id: string; code: string; name: string }) => `${unit.code} · ${unit.name}`}
          validate={[required(), (value: unknown) => (value === record.unitId ? 'app.transfers.same_unit' : undefined)]}
          fullWidth
        />
      </ReferenceInput>
      <TextInput
        source="reason"
        label="app.transfers.reason"
        helperText="app.actions.no_identity_hint"
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(2000), noNationalId]}
      />
    </TransferDialogButton>
  );
};
