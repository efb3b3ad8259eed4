import { z } from 'zod';

/** A column: its header name, or its 0-based position. */
const column = z.union([z.string().min(1).max(200), z.number().int().min(0).max(10_000)]);

const endSchema = z
  .object({
    label: column,
    type: column.optional(),
    /** The entity type when no column holds one. */
    fixedType: z.string().min(1).max(100).optional(),
  })
  .strict();

/**
 * How a table's rows are laid out:
 * - `rows`: each row is one link between two entities, i2-style (`entity, type, link, entity, …`),
 *   or one entity with its attributes when the second entity is empty;
 * - `edgeList`: two columns of names, then optional numeric columns (`name,name[,weight,…]`);
 * - `matrix`: an adjacency matrix (UCINET style), names down the first column and across the first row.
 */
export const TABLE_LAYOUTS = ['rows', 'edgeList', 'matrix'] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

/** How slashed dates are read: only ISO dates (`iso`), day first (`dmy`) or month first (`mdy`). */
export const DATE_ORDERS = ['iso', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Text encodings a CSV file may be read in (WHATWG encoding names, as TextDecoder takes them). */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-9',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'big5',
  'gb18030',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * Which CSV column holds what, as the import dialog's column-mapping step (and a saved mapping)
 * gives it. Fields left out are worked out from the file (layout, delimiter, header, encoding),
 * and the preview says what was concluded.
 */
export const csvMappingSchema = z
  .object({
    layout: z.enum(TABLE_LAYOUTS).optional(),
    /** Read the file in this encoding instead of the detected one. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    hasHeader: z.boolean().optional(),
    /** How dates such as 03/04/2020 are read; without it, only a file whose dates show their order is read. */
    dateOrder: z.enum(DATE_ORDERS).optional(),
    /** A spreadsheet's sheet to read as rows (by name); without it, the first sheet. */
    sheet: z.string().min(1).max(200).optional(),
    /** Rows layout: the first entity's columns (without them, the i2-style columns). */
    from: endSchema.optional(),
    to: endSchema.optional(),
    link: z
      .object({
        type: column.optional(),
        fixedType: z.string().min(1).max(100).optional(),
        label: column.optional(),
        description: column.optional(),
        startDate: column.optional(),
        endDate: column.optional(),
        directed: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** An Admiralty grade such as "B2" (reliability and credibility in one cell). */
    grade: column.optional(),
    reliability: column.optional(),
    credibility: column.optional(),
    /** Further columns kept as attributes (of the link, or of the entity a row names alone), under their header names. */
    attributes: z.array(column).max(1000).optional(),
  })
  .strict();

export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** The i2-style layout read when no mapping is given: entity, type, link, entity, type, date, grade. */
export const I2_STYLE_MAPPING: CsvMapping = {
  from: { label: 0, type: 1 },
  link: { type: 2, startDate: 5 },
  to: { label: 3, type: 4 },
  grade: 6,
};

/** How each layout is named to the analyst. */
export const TABLE_LAYOUT_LABELS: Record<TableLayout, string> = {
  rows: 'rows of links (i2-style)',
  edgeList: 'an edge list (two columns of names)',
  matrix: 'an adjacency matrix',
};

/** One of the first rows of a table, as the import will read it. */
export interface TableSampleRow {
  line: number;
  cells: string[];
  /** What the row becomes: entities and a link, or why it becomes nothing. */
  reads: string;
}

/** What the importer understood of a table (CSV or spreadsheet), shown in the preview before anything is written. */
export interface TableReading {
  layout: TableLayout;
  /** Why this layout: the evidence, or "chosen in the mapping". */
  layoutReason: string;
  /** The text encoding (WHATWG name), with a byte order mark or not; null for a spreadsheet. */
  encoding: TextEncoding | null;
  bom: boolean;
  /** How the encoding was settled: a byte order mark, valid UTF-8, the detector (with its confidence), or the mapping. */
  encodingReason: string;
  delimiter: string | null;
  hasHeader: boolean;
  dateOrder: DateOrder | null;
  dateOrderReason: string;
  /** The sheet read, for a spreadsheet. */
  sheet: string | null;
  columns: string[];
  rows: number;
  sample: TableSampleRow[];
}
