import ReplyIcon from '@mui/icons-material/Reply';
import { ReasonInput } from '../applications/ReasonInput';
import { useRole } from '../common/useRole';
import { AdviceActionButton } from './AdviceActionButton';

/** The contact point's answer; for the asking unit, a follow-up that puts the question back to the contact point. */
export const AnswerAdviceButton = () => {
  const followUp = useRole() === 'unit_worker';
  const words = followUp ? 'follow_up' : 'answer';
  return (
    <AdviceActionButton
      action="answer"
      label={`app.advice.actions.${words}`}
      title={`app.advice.actions.${words}_title`}
      confirm={`app.advice.actions.${words}_confirm`}
      success={`app.advice.actions.${words}_done`}
      description={`app.advice.actions.${words}_description`}
      icon={<ReplyIcon />}
      toBody={(values) => ({ message: values.message })}
    >
      <ReasonInput source="message" label={`app.advice.actions.${words}_label`} />
    </AdviceActionButton>
  );
};
