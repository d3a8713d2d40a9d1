/**
 * Saves a generated file from an extension page: a Blob URL clicked through an <a download>,
 * which needs no `downloads` permission. The URL is revoked after the click has been handled.
 */
export function downloadText(fileName: string, mime: string, content: string, doc: Document = document): void {
  const blob = new Blob([content], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
