/**
 * Reference extensions for the browser benchmark, generated at bench time:
 * - the floor: one content script that reads the page's text once and tests one regular
 *   expression, the least any topic-gated checker must do. The regex is the topic gate's own
 *   pattern over the shipped pack's names (`gatePattern`, every spelling in every language the
 *   pack knows), tested once on the lower-cased `innerText`: what SourceLight must at least do to
 *   say "not about Belarus or the ICC";
 * - the three-name floor: the same read and `/belarus|lukashenk|icc/i`, the floor the bench used
 *   before (sessions 1–4), kept as a second reference line: no checker of this topic can be
 *   that cheap, since three English names miss most of how pages name it;
 * - the blank: no content script at all (the "without extension" page).
 * All carry an empty service worker, so that the e2e helper that launches Chromium (it waits for
 * the extension's service worker) serves every configuration alike; its heap is also the floor
 * for the service worker's memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor's content script: `pattern` tested once (without its g flag), on the lower-cased text
 * unless the pattern ignores case itself.
 */
export function floorContent(pattern: RegExp): string {
  const text = pattern.ignoreCase ? 'text' : 'text.toLowerCase()';
  return `(() => {
  const text = document.body ? document.body.innerText : '';
  globalThis.__benchFloor = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags.replace('g', ''))}).test(${text});
})();
`;
}

/** The floor the bench used before it tested the gate's own pattern. */
export const THREE_NAMES = /belarus|lukashenk|icc/i;

function write(dir: string, manifest: Record<string, unknown>, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

export function writeFloorExtension(dir: string, pattern: RegExp): string {
  return write(
    dir,
    {
      manifest_version: 3,
      name: 'SourceLight bench floor',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['content.js'] }],
    },
    { 'content.js': floorContent(pattern), 'background.js': '// empty: the launcher waits for a service worker\n' },
  );
}

export function writeBlankExtension(dir: string): string {
  return write(
    dir,
    { manifest_version: 3, name: 'SourceLight bench blank', version: '0.0.1', background: { service_worker: 'background.js' } },
    { 'background.js': '// empty: the launcher waits for a service worker\n' },
  );
}
