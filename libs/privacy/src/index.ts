export {
  findNationalIds,
  looksLikeNationalId,
  nationalIdNames,
  type NationalIdKind,
  normaliseForIdMatching,
} from './national-id.js';
