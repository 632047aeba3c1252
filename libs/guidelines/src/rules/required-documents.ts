import { finding } from '../finding.js';
import type { DocumentKind, Finding, RuleInput } from '../types.js';

const DOCUMENT_NAMES: Record<DocumentKind, { en: string; da: string; fi: string }> = {
  quote: { en: 'a quote', da: 'et tilbud', fi: 'tarjous' },
  invoice: { en: 'an invoice', da: 'en faktura', fi: 'lasku' },
};

// A warning, not a block (contract): the contact point may accept an application without the document.
export function requiredDocuments({ application, category }: RuleInput): Finding | null {
  if (!category) return null;
  const missing = category.requiredDocuments.filter((kind) => !application.attachmentKinds.includes(kind));
  if (missing.length === 0) return null;
  return finding(
    'required-documents',
    'warn',
    `The application lacks ${missing.map((k) => DOCUMENT_NAMES[k].en).join(' and ')}.`,
    `Ansøgningen mangler ${missing.map((k) => DOCUMENT_NAMES[k].da).join(' og ')}.`,
    `Hakemuksesta puuttuu ${missing.map((k) => DOCUMENT_NAMES[k].fi).join(' ja ')}.`,
  );
}
