import CarryOverIcon from '@mui/icons-material/EventRepeat';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

/**
 * At year end the contact point carries a grant's unpaid money over to the next
 * budget year (the alternative is to cancel it, which releases the money to the pool).
 */
export const CarryOverButton = () => (
  <ActionDialogButton
    action="carry-over"
    label="app.actions.carry_over"
    title="app.actions.carry_over_title"
    confirm="app.actions.carry_over"
    success="app.actions.carried_over"
    icon={<CarryOverIcon />}
    description="app.actions.carry_over_description"
    toBody={(values) => ({ reason: values.reason })}
  >
    <ReasonInput source="reason" label="app.actions.reason" />
  </ActionDialogButton>
);
