export { findNationalIds, looksLikeNationalId, type NationalIdKind } from './national-id.js';
