import UndoIcon from '@mui/icons-material/Undo';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

export const WithdrawButton = () => (
  <ActionDialogButton
    action="withdraw"
    label="app.actions.withdraw"
    title="app.actions.withdraw_title"
    confirm="app.actions.withdraw"
    success="app.actions.withdrawn"
    icon={<UndoIcon />}
    color="warning"
    description="app.actions.withdraw_description"
    toBody={(values) => ({ reason: values.reason })}
  >
    <ReasonInput source="reason" label="app.actions.reason" />
  </ActionDialogButton>
);
