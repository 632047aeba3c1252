import HelpIcon from '@mui/icons-material/HelpOutlineOutlined';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

/** Asks the unit for more information; the question goes to the application's thread. */
export const RequestInfoButton = () => (
  <ActionDialogButton
    action="request-info"
    label="app.actions.request-info"
    title="app.actions.request_info_title"
    confirm="app.actions.send"
    success="app.actions.info_requested"
    icon={<HelpIcon />}
    color="warning"
    toBody={(values) => ({ message: values.message })}
  >
    <ReasonInput source="message" label="app.actions.question" />
  </ActionDialogButton>
);
