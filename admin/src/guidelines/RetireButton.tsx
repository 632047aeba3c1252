import ArchiveIcon from '@mui/icons-material/Archive';
import { GuidelineActionButton } from './GuidelineActionButton';

export const RetireButton = () => (
  <GuidelineActionButton
    action="retire"
    from="published"
    label="app.guidelines.retire"
    title="app.guidelines.retire_title"
    content="app.guidelines.retire_content"
    success="app.guidelines.retired"
    icon={<ArchiveIcon />}
    color="warning"
  />
);
