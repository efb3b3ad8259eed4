/**
 * Reads Electronegativity's CSV report and decides the build: any finding of HIGH severity fails
 * it; everything else is printed as advice (Electronegativity misses things and flags some safe
 * patterns, so it is one check among several, not the last word).
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
  url: string;
}

/** The header line Electronegativity 1.x writes. */
export const CSV_HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('the report ends inside a quoted field');
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The findings of a report. Throws when the text is not a whole, well-formed report (a wrong
 * header, a record with the wrong number of fields, an unknown severity): a garbled report must
 * not pass as a clean one.
 */
export function parseElectronegativityCsv(text: string): Finding[] {
  const records = parseCsvRecords(text).filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...rows] = records;
  if (!header || header.map((h) => h.trim()).join(', ') !== CSV_HEADER) {
    throw new Error(`the report does not start with Electronegativity's header ("${CSV_HEADER}")`);
  }
  return rows.map((fields, index) => {
    if (fields.length !== 8) throw new Error(`record ${index + 1} has ${fields.length} fields, not 8`);
    const [check, severity, confidence, file, location, sample, description, url] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Z0-9_]+$/.test(check)) throw new Error(`record ${index + 1} names no check ("${check.slice(0, 40)}")`);
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new Error(`record ${index + 1} has an unknown severity "${severity}"`);
    return { check, severity: severity as Severity, confidence, file, location, sample, description, url };
  });
}

export interface Verdict {
  failing: Finding[];
  advisory: Finding[];
  /** Lines to print: the failures first, then the advice. */
  lines: string[];
}

function describe(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.location.split(':')[0] ?? ''}`;
  return `${finding.severity}/${finding.confidence} ${finding.check} (${where}): ${finding.description}`;
}

/** HIGH fails the build; the rest is advice. */
export function judgeFindings(findings: readonly Finding[]): Verdict {
  const failing = findings.filter((f) => f.severity === 'HIGH');
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  const advisory = findings.filter((f) => f.severity !== 'HIGH').sort((a, b) => rank(b) - rank(a) || a.check.localeCompare(b.check));
  return {
    failing,
    advisory,
    lines: [...failing.map((f) => `FAIL     ${describe(f)}`), ...advisory.map((f) => `advisory ${describe(f)}`)],
  };
}
