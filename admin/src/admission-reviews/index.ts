import ReviewIcon from '@mui/icons-material/Balance';
import type { AdmissionReview } from '../types';
import { AdmissionReviewCreate } from './AdmissionReviewCreate';
import { AdmissionReviewList } from './AdmissionReviewList';
import { AdmissionReviewShow } from './AdmissionReviewShow';

export default {
  list: AdmissionReviewList,
  show: AdmissionReviewShow,
  create: AdmissionReviewCreate,
  icon: ReviewIcon,
  recordRepresentation: (record: AdmissionReview) => record.caseReference,
};
