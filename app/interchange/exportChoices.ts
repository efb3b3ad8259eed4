import type { ExportFormat } from './graph';

/** One way to export the case, as File › Export lists it (the native menu and the export dialog). */
export interface ExportChoice {
  /** Stable id: the export dialog's option and the renderer command `file.export.<id>`. */
  id: string;
  label: string;
  format: ExportFormat;
  stixRelationships?: 'strict' | 'custom';
  /** CSV: a UTF-8 byte order mark first, so Excel reads the text as UTF-8. */
  csvBom?: boolean;
  description: string;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    id: 'stix',
    label: 'STIX 2.1 (strict)',
    format: 'stix',
    stixRelationships: 'strict',
    description: 'For OpenCTI and MISP: relationship types STIX does not define are written as related-to, with the type in the description.',
  },
  {
    id: 'stixCustom',
    label: 'STIX 2.1 (custom relationship types)',
    format: 'stix',
    stixRelationships: 'custom',
    description: 'Keeps relationship types STIX does not define (e.g. member-of) as custom types.',
  },
  { id: 'graphml', label: 'GraphML', format: 'graphml', description: 'For Gephi, yEd and Cytoscape: attributes, positions and colours.' },
  { id: 'gexf', label: 'GEXF', format: 'gexf', description: 'For Gephi: attributes, positions and colours.' },
  { id: 'csv', label: 'CSV', format: 'csv', description: 'Two tables beside each other: <name>-entities.csv and <name>-links.csv.' },
  {
    id: 'csvExcel',
    label: 'CSV for Excel (with a byte order mark)',
    format: 'csv',
    csvBom: true,
    description: 'The same two tables, marked as UTF-8 so Excel shows accented and non-Latin names correctly.',
  },
  { id: 'xlsx', label: 'Excel workbook', format: 'xlsx', description: 'Entities, Links, Sources and Citations sheets in one .xlsx file.' },
  { id: 'anx', label: 'i2 ANX', format: 'anx', description: 'For i2 Analyst’s Notebook: icons, arrows, strengths, grades and positions.' },
  {
    id: 'mispEvent',
    label: 'MISP event (JSON)',
    format: 'misp-event',
    description: 'For MISP (Import from MISP JSON): entities as objects, links as object references, tags and galaxy clusters; not sources or citations.',
  },
  { id: 'mtgx', label: 'Maltego MTGX', format: 'mtgx', description: 'For Maltego: entities as Maltego types (person, organisation, location, phone, email, domain, IP), links, positions.' },
  { id: 'json', label: 'Workbench JSON', format: 'json', description: 'The whole case: entities, links, sources, citations, notes and charts.' },
];

/** The renderer command that opens the export dialog on one choice and asks where to save. */
export function exportCommandId(choice: Pick<ExportChoice, 'id'>): string {
  return `file.export.${choice.id}`;
}
