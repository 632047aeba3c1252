import ReplyIcon from '@mui/icons-material/Reply';
import { ActionDialogButton } from './ActionDialog';
import { ReasonInput } from './ReasonInput';

/** The unit's answer to an information request; it submits the application again. */
export const AnswerButton = () => (
  <ActionDialogButton
    action="answer"
    label="app.actions.answer"
    title="app.actions.answer_title"
    confirm="app.actions.answer_confirm"
    success="app.actions.answered"
    icon={<ReplyIcon />}
    description="app.actions.answer_description"
    toBody={(values) => ({ message: values.message })}
  >
    <ReasonInput source="message" label="app.actions.answer_label" />
  </ActionDialogButton>
);
