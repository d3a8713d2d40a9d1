/**
 * Reference extensions for the browser benchmark, generated at bench time:
 * - the floor: one content script that reads the page's text once and tests one regular
 *   expression, the least any topic-gated checker must do;
 * - the blank: no content script at all (the "without extension" page).
 * Both carry an empty service worker, so that the e2e helper that launches Chromium (it waits for
 * the extension's service worker) serves all three configurations alike; its heap is also the
 * floor for the service worker's memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FLOOR_CONTENT = `(() => {
  const text = document.body ? document.body.innerText : '';
  globalThis.__benchFloor = /belarus|lukashenk|icc/i.test(text);
})();
`;

function write(dir: string, manifest: Record<string, unknown>, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

export function writeFloorExtension(dir: string): string {
  return write(
    dir,
    {
      manifest_version: 3,
      name: 'SourceLight bench floor',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['content.js'] }],
    },
    { 'content.js': FLOOR_CONTENT, 'background.js': '// empty: the launcher waits for a service worker\n' },
  );
}

export function writeBlankExtension(dir: string): string {
  return write(
    dir,
    { manifest_version: 3, name: 'SourceLight bench blank', version: '0.0.1', background: { service_worker: 'background.js' } },
    { 'background.js': '// empty: the launcher waits for a service worker\n' },
  );
}
