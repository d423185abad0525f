import { sniff, stripMetadata, type SafeMime } from '../requests/file-safety.js';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type PolicyFileMime = SafeMime | typeof DOCX | typeof XLSX;

const has = (buf: Buffer, s: string) => buf.includes(Buffer.from(s, 'latin1'));

/**
 * Policy documents are PDF, Word (.docx), Excel (.xlsx) or images — decided by the bytes, never the
 * name. Office files are ZIP packages: entry names are stored uncompressed, so the package's parts
 * tell a document from a workbook. Macro-enabled packages (vbaProject.bin) are refused.
 */
export function sniffPolicyFile(buf: Buffer): PolicyFileMime | null {
  const basic = sniff(buf);
  if (basic) return basic;
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50 || !has(buf, '[Content_Types].xml') || has(buf, 'vbaProject.bin')) return null;
  if (has(buf, 'word/document.xml')) return DOCX;
  if (has(buf, 'xl/workbook.xml')) return XLSX;
  return null;
}

/** Images lose EXIF/XMP/comments (requests/file-safety.ts); documents are served as downloads only and kept as uploaded. */
export function cleanPolicyFile(mime: PolicyFileMime, buf: Buffer): Buffer {
  return mime === DOCX || mime === XLSX ? buf : stripMetadata(mime, buf);
}
