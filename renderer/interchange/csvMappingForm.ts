import type { CsvMapping } from '../../app/interchange/csvMapping';

/** The column-mapping step as the analyst fills it in: header names, or 1-based column numbers. */
export interface CsvMappingForm {
  delimiter: ',' | ';' | '\t' | '|';
  hasHeader: boolean;
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

/** i2-style: entity, type, link, entity, type, date, grade. */
export const I2_STYLE_FORM: CsvMappingForm = {
  delimiter: ',',
  hasHeader: true,
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

function end(label: string, type: string, fixedType: string): CsvMapping['from'] {
  const typeColumn = column(type);
  const fixed = fixedType.trim();
  return {
    label: column(label) ?? 0,
    ...(typeColumn !== undefined ? { type: typeColumn } : {}),
    ...(fixed !== '' ? { fixedType: fixed } : {}),
  };
}

/** What is missing before the mapping can be used, in words; null when it is complete. */
export function mappingProblem(form: CsvMappingForm): string | null {
  if (column(form.fromLabel) === undefined) return 'Say which column holds the source entity.';
  if (column(form.toLabel) === undefined) return 'Say which column holds the target entity.';
  return null;
}

/** The form as the contract's CSV mapping. */
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
    delimiter: form.delimiter,
    hasHeader: form.hasHeader,
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
