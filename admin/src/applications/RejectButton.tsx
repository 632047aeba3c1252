import BlockIcon from '@mui/icons-material/Block';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

export const RejectButton = () => (
  <ActionDialogButton
    action="reject"
    label="app.actions.reject"
    title="app.actions.reject_title"
    confirm="app.actions.reject"
    success="app.actions.rejected"
    icon={<BlockIcon />}
    color="error"
    toBody={(values) => ({ reason: values.reason })}
  >
    <ReasonInput source="reason" label="app.actions.reason" />
  </ActionDialogButton>
);
