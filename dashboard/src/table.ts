// A table and its CSV come from the same column list, so the download holds exactly the numbers shown, in the order
// shown. Tables can be sorted by any column (a button in each header; aria-sort says how it is sorted).

export type Cell = string | number | boolean | null;

export interface Column<T> {
  label: string;
  value: (row: T) => Cell;
  /** Display text; the CSV always holds the raw value. */
  format?: (row: T) => string;
  numeric?: boolean;
  /** Shown as a "sample" badge when the value is true. */
  sample?: boolean;
  /** Long text (titles, lists): given a readable width instead of being squeezed into a tall narrow column. */
  wide?: boolean;
}

export interface Sort {
  column: string;
  descending: boolean;
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

/** `label` or `label:desc` (the URL's `sort`) as a sort; null when no column has that label. */
export function parseSort<T>(text: string | undefined, columns: Column<T>[]): Sort | null {
  if (!text) return null;
  const [column, direction] = text.split(":");
  return columns.some((c) => c.label === column) ? { column, descending: direction === "desc" } : null;
}

export function formatSort(sort: Sort): string {
  return sort.descending ? `${sort.column}:desc` : sort.column;
}

/** Rows ordered by one column: numbers as numbers, text by locale; empty cells last either way; ties keep their order. */
export function sortRows<T>(columns: Column<T>[], rows: T[], sort: Sort | null): T[] {
  const column = sort ? columns.find((c) => c.label === sort.column) : undefined;
  if (!sort || !column) return rows;
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i, v: column.value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : String(a.v).localeCompare(String(b.v));
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.row);
}

/**
 * A table of the rows. With `onSort`, each header is a button that sorts by its column (again: the other way) and
 * calls back with the new sort, so the caller can keep it (in the URL) and re-render.
 */
export function renderTable<T>(columns: Column<T>[], rows: T[], sort: Sort | null = null, onSort?: (sort: Sort) => void): HTMLTableElement {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    if (c.numeric) th.className = "num";
    if (onSort) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = c.label;
      const on = sort?.column === c.label;
      th.setAttribute("aria-sort", on ? (sort!.descending ? "descending" : "ascending") : "none");
      button.addEventListener("click", () => onSort({ column: c.label, descending: on ? !sort!.descending : !!c.numeric }));
      th.appendChild(button);
    } else {
      th.textContent = c.label;
    }
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of sortRows(columns, rows, sort)) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      if (c.sample && c.value(row) === true) {
        const badge = document.createElement("span");
        badge.className = "badge sample";
        badge.textContent = "sample";
        td.appendChild(badge);
      } else {
        td.textContent = cellText(c, row);
      }
      if (c.numeric) td.className = "num";
      else if (c.wide) td.className = "wide";
    }
  }
  return table;
}
