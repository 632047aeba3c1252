import CancelIcon from '@mui/icons-material/CancelOutlined';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

/** Cancels a grant that is no longer needed; its unpaid money returns to the pool. */
export const CancelButton = () => (
  <ActionDialogButton
    action="cancel"
    label="app.actions.cancel"
    title="app.actions.cancel_title"
    confirm="app.actions.cancel"
    success="app.actions.cancelled"
    icon={<CancelIcon />}
    color="error"
    description="app.actions.cancel_description"
    closeLabel="app.actions.keep_grant"
    toBody={(values) => ({ reason: values.reason })}
  >
    <ReasonInput source="reason" label="app.actions.reason" />
  </ActionDialogButton>
);
