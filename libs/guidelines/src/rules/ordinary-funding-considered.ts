import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';

export function ordinaryFundingConsidered({ application }: RuleInput): Finding | null {
  if (application.ordinaryFundingConsidered) return null;
  return finding(
    'ordinary-funding-considered',
    'block',
    'The unit has not declared that ordinary funding was considered and does not cover the cost.',
    'Enheden har ikke erklæret, at almindelig finansiering er overvejet og ikke dækker udgiften.',
    'Yksikkö ei ole vahvistanut, että tavanomainen rahoitus on selvitetty eikä se kata kustannusta.',
  );
}
