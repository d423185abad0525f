import type ExcelJS from 'exceljs';
import { AppError } from './errors.js';

/** Upper bounds of an uploaded sheet (the 10 MB upload limit does not bound a compressed .xlsx grid). */
const MAX_SHEET_ROWS = 50_001;
const MAX_SHEET_COLUMNS = 100;

/** exceljs is large: loaded on first use, not at server start. */
export const loadExcel = async () => (await import('exceljs')).default;

/** Text of a cell as a user sees it (dates as YYYY-MM-DD, formulas by their result). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** RFC 4180: quotes, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV saved by Excel on Chinese Windows is GB18030; everything else UTF-8 (with or without BOM). */
export function decodeCsv(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

const fileError = (message: string, code: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', code, message }]);

/**
 * Reads the first sheet of an .xlsx or a .csv (UTF-8 or GB18030) into a matrix of trimmed strings,
 * for every import (roster, indicators). Header matching and validation are the caller's.
 */
export async function readMatrix(filename: string, buf: Buffer): Promise<string[][]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return parseCsv(decodeCsv(buf)).map((r) => r.map((c) => c.trim()));
  if (!lower.endsWith('.xlsx')) throw fileError('仅支持 .xlsx 或 .csv 文件', 'file_type');
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fileError('无法读取 Excel 文件，请确认文件未损坏', 'file_unreadable');
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  // Bounds before touching cells: a tiny file can declare a cell at XFD1048576 (exceljs would walk the whole grid).
  if (ws.rowCount > MAX_SHEET_ROWS || ws.columnCount > MAX_SHEET_COLUMNS) {
    const [msg, code] = ws.rowCount > MAX_SHEET_ROWS ? [`表格行数超过上限（${MAX_SHEET_ROWS}行），请分批导入`, 'file_too_many_rows'] : ['表格列数过多，请使用导入模板', 'file_too_many_columns'];
    throw fileError(msg, code);
  }
  const matrix: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    matrix.push(cells);
  }
  return matrix;
}
