// A table and its CSV come from the same column list, so the download holds exactly the numbers shown.

export type Cell = string | number | boolean | null;

export interface Column<T> {
  label: string;
  value: (row: T) => Cell;
  /** Display text; the CSV always holds the raw value. */
  format?: (row: T) => string;
  numeric?: boolean;
}

export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, CRLF line ends. */
export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvField(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function cellText<T>(column: Column<T>, row: T): string {
  if (column.format) return column.format(row);
  const v = column.value(row);
  return v === null ? "—" : String(v);
}
