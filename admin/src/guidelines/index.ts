import GuidelineIcon from '@mui/icons-material/Rule';
import type { GuidelineRecord } from '../types';
import { GuidelineCreate } from './GuidelineCreate';
import { GuidelineEdit } from './GuidelineEdit';
import { GuidelineList } from './GuidelineList';
import { GuidelineShow } from './GuidelineShow';

export default {
  list: GuidelineList,
  show: GuidelineShow,
  edit: GuidelineEdit,
  create: GuidelineCreate,
  icon: GuidelineIcon,
  recordRepresentation: (record: GuidelineRecord) => record.version,
};
