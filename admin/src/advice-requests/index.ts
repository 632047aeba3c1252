import AdviceIcon from '@mui/icons-material/Forum';
import type { AdviceRequest } from '../types';
import { AdviceRequestCreate } from './AdviceRequestCreate';
import { AdviceRequestList } from './AdviceRequestList';
import { AdviceRequestShow } from './AdviceRequestShow';

export default {
  list: AdviceRequestList,
  show: AdviceRequestShow,
  create: AdviceRequestCreate,
  icon: AdviceIcon,
  recordRepresentation: (record: AdviceRequest) => record.reference,
};
