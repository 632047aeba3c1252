export { findNationalIds, looksLikeNationalId, type NationalIdKind, normaliseForIdMatching } from './national-id.js';
