import DoneAllIcon from '@mui/icons-material/DoneAll';
import { AdviceActionButton } from './AdviceActionButton';

/** Closes the thread, for the contact point and the asking unit alike: nothing more is written in it. */
export const CloseAdviceButton = () => (
  <AdviceActionButton
    action="close"
    label="app.advice.actions.close"
    title="app.advice.actions.close_title"
    confirm="app.advice.actions.close_confirm"
    success="app.advice.actions.close_done"
    description="app.advice.actions.close_description"
    icon={<DoneAllIcon />}
    color="warning"
  />
);
