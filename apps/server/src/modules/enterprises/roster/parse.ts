import { readMatrix } from '../../../core/sheet.js';
import { keyForHeader, type RawRow, type RosterKey } from './columns.js';

export type ParsedSheet = { rows: { row: number; values: RawRow }[]; unknownHeaders: string[]; missingHeaders: RosterKey[] };

function toSheet(matrix: string[][], required: readonly RosterKey[]): ParsedSheet {
  const header = matrix[0] ?? [];
  const keys: (RosterKey | undefined)[] = header.map((h) => keyForHeader(h));
  const unknownHeaders = header.filter((h, i) => h.trim() && !keys[i]);
  const missingHeaders = required.filter((k) => !keys.includes(k));
  const rows: ParsedSheet['rows'] = [];
  for (let r = 1; r < matrix.length; r++) {
    const cells = matrix[r]!;
    if (cells.every((c) => !c.trim())) continue; // blank lines are not rows
    const values: RawRow = {};
    keys.forEach((k, i) => {
      if (k) values[k] = (cells[i] ?? '').trim();
    });
    rows.push({ row: r + 1, values }); // spreadsheet row number: header is row 1
  }
  return { rows, unknownHeaders, missingHeaders };
}

export async function parseRoster(filename: string, buf: Buffer, required: readonly RosterKey[]): Promise<ParsedSheet> {
  return toSheet(await readMatrix(filename, buf), required);
}
