import ApplicationIcon from '@mui/icons-material/RequestQuote';
import type { Application } from '../types';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationEdit } from './ApplicationEdit';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export default {
  list: ApplicationList,
  show: ApplicationShow,
  edit: ApplicationEdit,
  create: ApplicationCreate,
  icon: ApplicationIcon,
  recordRepresentation: (record: Application) => record.reference,
};
