import type { CsvMapping, DateOrder, TableLayout, TextEncoding } from '../../app/interchange/csvMapping';

/** The column-mapping step as the analyst fills it in: header names, or 1-based column numbers; "auto" leaves it to the file. */
export interface CsvMappingForm {
  layout: 'auto' | TableLayout;
  encoding: 'auto' | TextEncoding;
  delimiter: 'auto' | ',' | ';' | '\t' | '|';
  header: 'auto' | 'yes' | 'no';
  dateOrder: 'auto' | DateOrder;
  /** A spreadsheet's sheet to read as rows; empty for the first. */
  sheet: string;
  fromLabel: string;
  fromType: string;
  fromFixedType: string;
  linkType: string;
  linkFixedType: string;
  toLabel: string;
  toType: string;
  toFixedType: string;
  date: string;
  grade: string;
}

/** i2-style columns (entity, type, link, entity, type, date, grade); layout, encoding, header and dates from the file. */
export const I2_STYLE_FORM: CsvMappingForm = {
  layout: 'auto',
  encoding: 'auto',
  delimiter: 'auto',
  header: 'auto',
  dateOrder: 'auto',
  sheet: '',
  fromLabel: '1',
  fromType: '2',
  fromFixedType: '',
  linkType: '3',
  linkFixedType: '',
  toLabel: '4',
  toType: '5',
  toFixedType: '',
  date: '6',
  grade: '7',
};

type Column = string | number;

/** "3" is the third column (0-based 2 on the wire); anything else is a header name. */
function column(text: string): Column | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Math.max(0, Number(trimmed) - 1);
  return trimmed;
}

function end(label: string, type: string, fixedType: string): NonNullable<CsvMapping['from']> {
  const typeColumn = column(type);
  const fixed = fixedType.trim();
  return {
    label: column(label) ?? 0,
    ...(typeColumn !== undefined ? { type: typeColumn } : {}),
    ...(fixed !== '' ? { fixedType: fixed } : {}),
  };
}

/** Whether the layout reads the entity and link columns (rows), or only the fixed types (edge list, matrix). */
export function usesColumns(form: CsvMappingForm): boolean {
  return form.layout === 'auto' || form.layout === 'rows';
}

/** What is missing before the mapping can be used, in words; null when it is complete. */
export function mappingProblem(form: CsvMappingForm): string | null {
  if (!usesColumns(form)) return null;
  if (column(form.fromLabel) === undefined) return 'Say which column holds the source entity.';
  if (column(form.toLabel) === undefined) return 'Say which column holds the target entity.';
  return null;
}

/** The form as the contract's CSV mapping: "auto" fields are left out, for the reader to work out and report. */
export function toCsvMapping(form: CsvMappingForm): CsvMapping {
  const linkType = column(form.linkType);
  const linkFixed = form.linkFixedType.trim();
  const date = column(form.date);
  const grade = column(form.grade);
  const link: NonNullable<CsvMapping['link']> = {
    ...(linkType !== undefined ? { type: linkType } : {}),
    ...(linkFixed !== '' ? { fixedType: linkFixed } : {}),
    ...(date !== undefined ? { startDate: date } : {}),
  };
  return {
    ...(form.layout !== 'auto' ? { layout: form.layout } : {}),
    ...(form.encoding !== 'auto' ? { encoding: form.encoding } : {}),
    ...(form.delimiter !== 'auto' ? { delimiter: form.delimiter } : {}),
    ...(form.header !== 'auto' ? { hasHeader: form.header === 'yes' } : {}),
    ...(form.dateOrder !== 'auto' ? { dateOrder: form.dateOrder } : {}),
    ...(form.sheet.trim() !== '' ? { sheet: form.sheet.trim() } : {}),
    from: end(form.fromLabel, form.fromType, form.fromFixedType),
    to: end(form.toLabel, form.toType, form.toFixedType),
    ...(Object.keys(link).length > 0 ? { link } : {}),
    ...(grade !== undefined ? { grade } : {}),
  };
}

/**
 * Saved mappings, by name, for this session only: kept in memory (never in localStorage), so no
 * file names or column names outlive the window.
 */
const savedMappings = new Map<string, CsvMappingForm>();
let lastUsed: CsvMappingForm | null = null;

export const csvMappingPresets = {
  names: (): string[] => [...savedMappings.keys()].sort((a, b) => a.localeCompare(b)),
  get: (name: string): CsvMappingForm | undefined => savedMappings.get(name),
  save: (name: string, form: CsvMappingForm): void => void savedMappings.set(name, { ...form }),
  last: (): CsvMappingForm => lastUsed ?? I2_STYLE_FORM,
  remember: (form: CsvMappingForm): void => {
    lastUsed = { ...form };
  },
};
