/**
 * CSV for spreadsheets, by the server's rule (matchmaker/importing/formulas.py): a cell that
 * starts with = + - @ a tab or a carriage return, after any apostrophes, gets one more
 * apostrophe in front, so a spreadsheet shows it as text instead of running it as a formula.
 * Cells holding a comma, quote or line break are quoted; lines end in CRLF.
 */

const GUARDED = /^'*[=+\-@\t\r]/;

export function guard(cell: string): string {
  return GUARDED.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type Cell = string | number | null | undefined;

export function toCsv(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map((c) => quote(guard(c == null ? "" : String(c)))).join(",");
  return [line(header), ...rows.map(line)].join("\r\n") + "\r\n";
}

/** A file name from a title: "Find expertise: MRI safety" becomes "find-expertise-mri-safety.csv". */
export function fileName(title: string): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${stem || "export"}.csv`;
}

/** Offers the text as a download (a Blob URL: nothing leaves the browser). */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
