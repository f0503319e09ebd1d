/** A button that downloads a table as a CSV file a spreadsheet opens safely. */
import { download, fileName, toCsv, type Cell } from "./csv";

export function DownloadCsv({ title, header, rows, what }: { title: string; header: string[]; rows: () => Cell[][]; what: string }) {
  return (
    <button type="button" className="secondary small" onClick={() => download(fileName(title), toCsv(header, rows()))}>
      Download {what} as CSV
    </button>
  );
}
