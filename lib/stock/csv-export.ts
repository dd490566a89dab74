// CSV files staff open in a spreadsheet (LibreOffice, Excel in French): ";" between fields
// (the French list separator), CRLF line ends (RFC 4180), a UTF-8 byte order mark so accents
// survive, fields quoted when needed. A field starting with = + - @ is prefixed with ' so a
// spreadsheet never runs it as a formula (OWASP, "CSV Injection").

export type CsvValue = string | number | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(,\d+)?$/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}

/** "12,50" for a spreadsheet in French: cents as a decimal number, no currency sign. */
export function csvEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}
