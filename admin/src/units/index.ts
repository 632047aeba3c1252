import UnitIcon from '@mui/icons-material/AccountTree';
import type { Unit } from '../types';
import { UnitCreate } from './UnitCreate';
import { UnitEdit } from './UnitEdit';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';

export default {
  list: UnitList,
  show: UnitShow,
  edit: UnitEdit,
  create: UnitCreate,
  icon: UnitIcon,
  recordRepresentation: (unit: Unit) => `${unit.code} – ${unit.name}`,
};
