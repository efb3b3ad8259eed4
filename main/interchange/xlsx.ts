import ExcelJS from 'exceljs';
import type { CaseDocument } from '../../app/domain';
import { caseTables } from '../../app/interchange/csv';
import { withOwnAttributes } from '../../app/interchange/encode';
import { InterchangeError, type ParseLimits } from '../../app/interchange/graph';
import type { WorkbookTables } from '../../app/interchange/spreadsheet';
import type { TableRow } from '../../app/interchange/csv';
import { readZip } from '../../app/interchange/zip';

/**
 * What a hostile workbook may cost before the workbook library sees it. The archive is first
 * unpacked by our own capped reader (entries, total bytes and compression ratio counted as the
 * data inflates), because the library itself unpacks whatever it is given.
 */
export const XLSX_LIMITS = {
  /** Unpacked bytes of the whole archive. */
  maxUnpackedBytes: 100_000_000,
  /** Rows in all sheets together. */
  maxRows: 1_000_000,
  /** Cells in all sheets together. */
  maxCells: 10_000_000,
};

/** Excel refuses a cell longer than this. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

type ExcelValue = ExcelJS.CellValue;

/** A cell as text: dates as ISO (a date-only cell as YYYY-MM-DD), formulas as their cached result, rich text joined. */
function cellText(value: ExcelValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelValue }).result);
  if ('error' in value) return '';
  return '';
}

/**
 * Reads an Excel workbook's sheets as rows of text, refusing (with a sentence) an archive that
 * unpacks too large or too far, or sheets with too many rows or cells.
 */
export async function readWorkbook(bytes: Uint8Array, limits: ParseLimits): Promise<WorkbookTables> {
  readZip(bytes, () => true, { ...limits, maxArchiveBytes: Math.min(limits.maxArchiveBytes, XLSX_LIMITS.maxUnpackedBytes) });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InterchangeError(`This Excel workbook could not be read: ${(error as Error).message}`);
  }
  let rowsSeen = 0;
  let cellsSeen = 0;
  const sheets: WorkbookTables['sheets'] = [];
  for (const sheet of workbook.worksheets) {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rowsSeen++;
      if (rowsSeen > XLSX_LIMITS.maxRows) throw new InterchangeError(`This workbook has more than ${XLSX_LIMITS.maxRows.toLocaleString('en')} rows, which is refused`);
      const cells: string[] = [];
      const typed: Record<number, number | boolean> = {};
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cellsSeen++;
        if (cellsSeen > XLSX_LIMITS.maxCells) throw new InterchangeError(`This workbook has more than ${XLSX_LIMITS.maxCells.toLocaleString('en')} cells, which is refused`);
        if (column > 16_384) throw new InterchangeError(`The sheet "${sheet.name}" has a cell past Excel's last column`, { record: rowNumber });
        while (cells.length < column - 1) cells.push('');
        const text = cellText(cell.value);
        if (text.length > limits.maxValueLength) throw new InterchangeError(`A cell of the sheet "${sheet.name}" is longer than ${limits.maxValueLength} characters`, { record: rowNumber });
        cells[column - 1] = text;
        const result = typeof cell.value === 'object' && cell.value !== null && 'result' in cell.value ? cell.value.result : cell.value;
        if (typeof result === 'number' || typeof result === 'boolean') typed[column - 1] = result;
      });
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowNumber, cells, ...(Object.keys(typed).length > 0 ? { typed } : {}) });
    });
    sheets.push({ name: sheet.name, rows });
  }
  return { sheets };
}

/**
 * The case as an Excel workbook: Entities and Links sheets (the same columns as the CSV export,
 * so it reads back), then Sources, Citations and Notes (read back by `decodeWorkbook`). Strings stay strings (a cell is never written as
 * a formula); a value longer than Excel allows is cut, and a "Cut cells" sheet lists each.
 */
export async function encodeXlsx(input: CaseDocument): Promise<Uint8Array> {
  const doc = withOwnAttributes(input);
  const tables = caseTables(doc);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Analyst Workbench';
  const cut: (string | number)[][] = [];
  const addSheet = (name: string, rows: readonly (readonly (string | number | boolean | null)[])[]) => {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) => {
      sheet.addRow(
        row.map((value, c) => {
          if (typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS) {
            cut.push([name, r + 1, c + 1, value.length]);
            return value.slice(0, EXCEL_MAX_CELL_CHARS);
          }
          return value;
        }),
      );
    });
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  addSheet('Entities', tables.entities);
  addSheet('Links', tables.links);
  addSheet('Sources', [
    ['Id', 'Title', 'Author', 'Publisher', 'Published', 'Reference', 'Reliability', 'Text'],
    ...doc.sources.map((s) => [s.id, s.title, s.author, s.publisher, s.publishedDate, s.reference, s.reliability, s.body]),
  ]);
  addSheet('Citations', [
    ['Id', 'Source id', 'Entity id', 'Link id', 'Quote', 'Locator', 'Credibility', 'Comment'],
    ...doc.citations.map((c) => [c.id, c.sourceId, c.entityId, c.linkId, c.quote, c.locator, c.credibility, c.comment]),
  ]);
  addSheet('Notes', [
    ['Id', 'On', 'Target id', 'Body', 'Author', 'Credibility'],
    ...doc.notes.map((n) => [n.id, n.target.kind, n.target.kind === 'case' ? null : n.target.id, n.body, n.author, n.credibility]),
  ]);
  if (cut.length > 0) addSheet('Cut cells', [['Sheet', 'Row', 'Column', 'Characters before the cut'], ...cut]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
