import AdmitIcon from '@mui/icons-material/HowToReg';
import HelpIcon from '@mui/icons-material/HelpOutlineOutlined';
import PlayIcon from '@mui/icons-material/PlayArrow';
import ReplyIcon from '@mui/icons-material/Reply';
import UpholdIcon from '@mui/icons-material/Gavel';
import type { ButtonProps } from '@mui/material';
import type { ReactElement } from 'react';
import { useRecordContext } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import type { AdmissionReview, AdmissionReviewAction } from '../types';
import { AdmissionActionButton } from './AdmissionActionButton';

const ACTIONS: Record<
  AdmissionReviewAction,
  { icon: ReactElement; color: ButtonProps['color']; text?: { source: 'reason' | 'message'; label: string } }
> = {
  'start-review': { icon: <PlayIcon />, color: 'primary' },
  'request-info': {
    icon: <HelpIcon />,
    color: 'warning',
    text: { source: 'message', label: 'app.admission_reviews.message' },
  },
  answer: {
    icon: <ReplyIcon />,
    color: 'primary',
    text: { source: 'message', label: 'app.admission_reviews.message' },
  },
  uphold: { icon: <UpholdIcon />, color: 'warning', text: { source: 'reason', label: 'app.admission_reviews.reason' } },
  admit: { icon: <AdmitIcon />, color: 'success', text: { source: 'reason', label: 'app.admission_reviews.reason' } },
};

/** The actions the API lists for this user on this review now, each a button and its dialog. */
export const ReviewActions = () => {
  const record = useRecordContext<AdmissionReview>();
  const dataProvider = useExitPoolDataProvider();
  if (!record) return null;
  return (
    <>
      {record.actions.map((action) => {
        const { icon, color, text } = ACTIONS[action];
        return (
          <AdmissionActionButton
            key={action}
            label={`app.admission_reviews.actions.${action}`}
            title={`app.admission_reviews.titles.${action}`}
            success={`app.admission_reviews.done.${action}`}
            icon={icon}
            color={color}
            reference={record.caseReference}
            text={text}
            run={(values) =>
              dataProvider.admissionReviewAction(
                record.id,
                action,
                text ? { [text.source]: values[text.source] } : undefined,
              )
            }
          />
        );
      })}
    </>
  );
};
