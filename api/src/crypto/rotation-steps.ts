import { attachmentChunksRotation } from '../attachments/attachment-rotation.js';
import { NARRATIVE_COLUMNS } from './encrypted-columns.js';
import { columnStep, type RotationStep } from './rotation.js';

/**
 * Everything `npm run rotate-keys` moves to the newest key, in this order: each
 * narrative column, then whatever else is encrypted (add its step here).
 */
export const ROTATION_STEPS: readonly RotationStep[] = [
  ...NARRATIVE_COLUMNS.map((column) => columnStep(column)),
  attachmentChunksRotation,
];
