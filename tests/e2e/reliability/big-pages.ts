/**
 * Pages too big to commit, generated at test time and served from memory: a 10 MB HTML archive
 * and a 10 MB text/plain file that is one wall of text with no blank line anywhere.
 */
import { fillerParagraph, ON_TOPIC } from './harness';

export const TEN_MB = 10 * 1024 * 1024;

/** An archive page: 10 MB of paragraphs, one in a hundred about Belarus. No scripts of its own. */
export function hugeHtml(bytes = TEN_MB): string {
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Archive</title></head><body><main><article><h1>The archive</h1>\n',
  ];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const p = i % 100 === 3 ? `<p>Entry ${i}. ${ON_TOPIC.discrepancy} ${fillerParagraph(i)}</p>\n` : `<p>Entry ${i}. ${fillerParagraph(i)}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></main></body></html>');
  return parts.join('');
}

/**
 * A plain-text file (Chromium shows it in one <pre>): a single text node of 10 MB whose lines
 * never leave a blank line, so it is one "paragraph" to anything that splits on "\n\n".
 */
export function hugeText(bytes = TEN_MB): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 50 === 1 ? `${ON_TOPIC.discrepancy} ${fillerParagraph(i)}\n` : `${fillerParagraph(i)}\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

/** Main-world init script: records long tasks and long animation frames (with script attribution). */
export const PERF_INIT_SCRIPT = `(() => {
  const w = window;
  w.__longTasks = [];
  w.__loaf = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__loaf.push({
          start: Math.round(e.startTime),
          duration: Math.round(e.duration),
          blocking: Math.round(e.blockingDuration || 0),
          renderStart: Math.round(e.renderStart || 0),
          styleAndLayoutStart: Math.round(e.styleAndLayoutStart || 0),
          scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL || '', fn: s.sourceFunctionName || '', invoker: s.invoker || '', duration: Math.round(s.duration) })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

export interface LongTask {
  start: number;
  duration: number;
}
export interface LongFrame extends LongTask {
  blocking: number;
  /** When the frame's rendering began (rAF callbacks, then style, layout, paint); 0 when it did not render. */
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { url: string; fn: string; invoker: string; duration: number }[];
}
