import type { Finding, Severity } from './types.js';

// A sentence that ends in an abbreviation ("60.000,00 kr.") takes no second full stop.
function endSentence(text: string): string {
  return text.replace(/\.\.$/, '.');
}

export function finding(
  rule: string,
  severity: Severity,
  message: string,
  messageDa: string,
  messageFi: string,
): Finding {
  return {
    rule,
    severity,
    message: endSentence(message),
    messageDa: endSentence(messageDa),
    messageFi: endSentence(messageFi),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** Blocks first, then warnings, then information; rule order kept within each. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** The findings that stop a submit: every `block`. */
export function blockFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'block');
}

/**
 * The findings that stop an approval: every `block`, and every `warn` whose rule
 * the approver did not override with a written justification. A block cannot be overridden.
 */
export function findingsBlockingApproval(findings: readonly Finding[], overriddenRules: Iterable<string>): Finding[] {
  const overridden = new Set(overriddenRules);
  return findings.filter((f) => f.severity === 'block' || (f.severity === 'warn' && !overridden.has(f.rule)));
}
