/** Export of the last check as Markdown, HTML or JSON, saved as a file on the device. */
import { reportFileName, REPORT_MIME, type ReportFormat } from '../reports/file-name';
import { renderReport } from '../reports/render';
import type { Report } from '../reports/types';
import { downloadText } from '../ui/download';

export interface ExportButtonsProps {
  /** Null while there is nothing finished to export. */
  report: Report | null;
  /** How the file is saved; tests pass a spy. */
  save?: (fileName: string, mime: string, content: string) => void;
}

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
];

export function ExportButtons({ report, save = downloadText }: ExportButtonsProps) {
  return (
    <div class="sl-export" role="group" aria-label="Export a report">
      <span class="sl-export-label">Export report:</span>
      {FORMATS.map(({ format, label }) => (
        <button
          type="button"
          key={format}
          class="sl-button sl-button-small"
          data-export={format}
          disabled={!report}
          title={report ? `Save this check as ${label}` : 'Available when a check has finished'}
          onClick={() => {
            if (report) save(reportFileName(report, format), REPORT_MIME[format], renderReport(report, format));
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
