import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { ActionDialogButton } from './ActionDialog';

/** Takes a submitted application into review (others see it is being handled). */
export const StartReviewButton = () => (
  <ActionDialogButton
    action="start-review"
    label="app.actions.start-review"
    title="app.actions.start_review_title"
    confirm="app.actions.start-review"
    success="app.actions.review_started"
    icon={<PlayArrowIcon />}
    description="app.actions.start_review_description"
    maxWidth="xs"
  />
);
