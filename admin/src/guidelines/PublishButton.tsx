import PublishIcon from '@mui/icons-material/Publish';
import { GuidelineActionButton } from './GuidelineActionButton';

/** A published version is fixed for good: applications submitted from its effective date are checked against it. */
export const PublishButton = () => (
  <GuidelineActionButton
    action="publish"
    from="draft"
    label="app.guidelines.publish"
    title="app.guidelines.publish_title"
    content="app.guidelines.publish_content"
    success="app.guidelines.published"
    icon={<PublishIcon />}
  />
);
