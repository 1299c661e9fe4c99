/**
 * Reads an uploaded catalogue sheet into rows of text: XLSX (recognised by its ZIP signature,
 * first worksheet) or CSV (UTF-8, with or without BOM, comma or semicolon separated — spreadsheet
 * programs set to Indonesian write semicolons). Cells come back as trimmed strings; a row's
 * number is the row a spreadsheet program shows for it (the header is row 1).
 */
import ExcelJS from 'exceljs';

export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

export class SheetError extends Error {
  constructor(readonly reason: 'unreadable' | 'empty' | 'too_many_rows') {
    super(reason);
    this.name = 'SheetError';
  }
}

export const MAX_IMPORT_ROWS = 10_000;

const isZip = (input: Buffer) => input.length >= 4 && input.readUInt32LE(0) === 0x04034b50;

export async function readSheet(input: Buffer): Promise<Sheet> {
  const lines = isZip(input) ? await readXlsx(input) : readCsv(input.toString('utf8'));
  const nonEmpty = lines.filter((l) => l.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) throw new SheetError('empty');
  const [head, ...rows] = nonEmpty;
  if (rows.length > MAX_IMPORT_ROWS) throw new SheetError('too_many_rows');
  return { header: head!.cells.map((c) => c.toLowerCase()), rows };
}

async function readXlsx(input: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('empty');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return value.result === undefined ? '' : String(value.result).trim();
    return '';
  }
  return String(value).trim();
}

/** RFC 4180 CSV: quoted fields may hold separators, quotes ("") and line breaks. */
export function readCsv(text: string): SheetRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell.trim());
      rows.push({ row: rows.length + 1, cells });
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell.trim());
    rows.push({ row: rows.length + 1, cells });
  }
  return rows;
}
