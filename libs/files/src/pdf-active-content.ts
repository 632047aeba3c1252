import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';

/** What in a PDF can act on the reader's computer rather than just be shown. */
export type PdfActiveContent =
  | 'javascript'
  | 'launch'
  | 'form-submission'
  | 'other-file'
  | 'embedded-file'
  | 'xfa'
  | 'rich-media'
  | 'automatic-action';

export type PdfVerdict =
  | { ok: true }
  | { ok: false; problem: 'encrypted' | 'unreadable' }
  | { ok: false; problem: 'active-content'; found: PdfActiveContent[] };

/** What each kind of active content is, in words for the uploader. */
export const ACTIVE_CONTENT_WORDS: Record<PdfActiveContent, string> = {
  javascript: 'JavaScript',
  launch: 'an action that launches a program or file',
  'form-submission': 'a form action that sends or loads data (SubmitForm, ImportData)',
  'other-file': 'a link that opens another file (GoToR, GoToE)',
  'embedded-file': 'an embedded file',
  xfa: 'an XFA form',
  'rich-media': 'rich media (Flash, video, 3D)',
  'automatic-action': 'an action that runs by itself when the document or a page is opened',
};

/** Names (as keys or as values) that mark active content wherever they appear in the document. */
const ACTIVE_NAMES: Record<string, PdfActiveContent> = {
  JavaScript: 'javascript',
  JS: 'javascript',
  Launch: 'launch',
  SubmitForm: 'form-submission',
  ImportData: 'form-submission',
  GoToR: 'other-file',
  GoToE: 'other-file',
  EmbeddedFile: 'embedded-file',
  EmbeddedFiles: 'embedded-file',
  EF: 'embedded-file',
  FileAttachment: 'embedded-file',
  XFA: 'xfa',
  RichMedia: 'rich-media',
  RichMediaContent: 'rich-media',
  '3D': 'rich-media',
  Movie: 'rich-media',
};

/** What an /OpenAction or /AA may do by itself: only move to a place in this document. */
const HARMLESS_AUTOMATIC = new Set(['GoTo']);

/**
 * A PDF name as the reader sees it: `#xx` escapes decoded. pdf-lib decodes
 * only upper-case hex (`#4A`), so a lower-case escape (`/#6aavaScript`)
 * would otherwise slip past; a reader accepts both.
 */
export const decodePdfName = (name: string): string =>
  name.replace(/^\//, '').replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const nameOf = (name: PDFName): string => decodePdfName(name.decodeText());

/** Whitespace and delimiters end a name (ISO 32000-1, 7.2.2). */
const RAW_NAME = /\/([^\0\t\n\f\r ()<>[\]{}/%]+)/g;
// `(?<![a-z])`: the `stream` at the end of `endstream` begins nothing
const RAW_STREAM = /(?<![a-z])stream(?:\r\n|\r|\n)[\s\S]*?endstream/g;

/**
 * The second line of defence: active names in the bytes of the file outside
 * stream data, as written (`#xx` decoded), whatever the parser made of them.
 * Stream data is left out: compressed or image bytes hold `/JS` by chance.
 */
export function scanRawPdfNames(bytes: Uint8Array): PdfActiveContent[] {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  const found = new Set<PdfActiveContent>();
  for (const m of text.replace(RAW_STREAM, ' ').matchAll(RAW_NAME)) {
    const kind = ACTIVE_NAMES[decodePdfName(m[1])];
    if (kind) found.add(kind);
  }
  return [...found];
}

/**
 * Whether a PDF is safe to hand to a reader: parsed with pdf-lib (object
 * streams expanded, every object in the file walked, referenced or not) and
 * scanned raw as well. An encrypted PDF cannot be inspected, so it is refused;
 * so is one that cannot be parsed.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfVerdict> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
  } catch {
    // an encrypted file's object streams cannot be read: say why rather than "unreadable"
    return { ok: false, problem: hasEncryptEntry(bytes) ? 'encrypted' : 'unreadable' };
  }
  if (document.isEncrypted) return { ok: false, problem: 'encrypted' };
  const { context } = document;
  if (!(context.lookup(context.trailerInfo.Root) instanceof PDFDict)) return { ok: false, problem: 'unreadable' };

  const found = new Set<PdfActiveContent>(scanRawPdfNames(bytes));
  let unreadable = false;
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFName) {
      const kind = ACTIVE_NAMES[nameOf(object)];
      if (kind) found.add(kind);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        visit(key);
        visit(value);
        const trigger = nameOf(key);
        if (trigger === 'OpenAction') checkAutomatic(context.lookup(value), false);
        if (trigger === 'AA') {
          const actions = context.lookup(value);
          if (actions instanceof PDFDict) for (const [, action] of actions.entries()) checkAutomatic(action, true);
        }
      }
    } else if (object instanceof PDFArray) {
      for (const element of object.asArray()) visit(element);
    } else if (object instanceof PDFStream) {
      visit(object.dict);
    } else if (object instanceof PDFInvalidObject) {
      unreadable = true;
    }
  };
  /** An automatic action, and the actions it chains to by /Next, may only go to a place in this document. */
  const checkAutomatic = (object: PDFObject | undefined, mustBeAction: boolean, seen = new Set<PDFObject>()): void => {
    const action = object instanceof PDFRef ? context.lookup(object) : object;
    if (action === undefined || seen.has(action)) return;
    seen.add(action);
    // an /OpenAction may also be a plain destination: [page /Fit]
    if (action instanceof PDFArray && !mustBeAction) return;
    if (!(action instanceof PDFDict)) {
      found.add('automatic-action');
      return;
    }
    const type = action.get(PDFName.of('S'));
    if (!(type instanceof PDFName) || !HARMLESS_AUTOMATIC.has(nameOf(type))) found.add('automatic-action');
    const next = context.lookup(action.get(PDFName.of('Next')));
    const chained = next instanceof PDFArray ? next.asArray() : next === undefined ? [] : [next];
    for (const one of chained) checkAutomatic(one, true, seen);
  };

  for (const [, object] of context.enumerateIndirectObjects()) visit(object);
  if (unreadable) return { ok: false, problem: 'unreadable' };
  if (found.size > 0) return { ok: false, problem: 'active-content', found: [...found].sort() };
  return { ok: true };
}

/** An /Encrypt entry in a trailer (or cross-reference stream) dictionary: the raw bytes say so. */
function hasEncryptEntry(bytes: Uint8Array): boolean {
  const needle = '/Encrypt';
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle.charCodeAt(i)) continue outer;
    return true;
  }
  return false;
}
