/**
 * Text bound for a spreadsheet (a CSV export, rows copied to the clipboard): what Excel, LibreOffice
 * and Google Sheets would otherwise run as a formula is kept as text.
 */

/** Neutralises a cell a spreadsheet would read as a formula (= + - @, tab, CR, LF first) with a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
}
