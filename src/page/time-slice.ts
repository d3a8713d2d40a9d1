/**
 * Cooperative slicing for work on the page's main thread: a content script shares it with the
 * site, so no task of ours may hold it long enough to delay input or a frame.
 */

/**
 * Time one slice may run, in milliseconds. Well under the 50 ms "long task" threshold, leaving
 * room for the site's own work in the same frame.
 */
export const SLICE_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves in a later task so the page can handle input and paint meanwhile. `scheduler.yield`
 * keeps our place in the queue; the MessageChannel fallback is used because timers are throttled
 * to one a second (or less) in background tabs, which would stall a check for minutes.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A `shouldYield` for one slice starting now. */
export function sliceDeadline(ms = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

/**
 * Runs `step` in slices until it reports done, yielding to the page between slices.
 * Rejects with the signal's reason when aborted, so callers stop at the next slice.
 */
export async function runSliced(step: (shouldYield: () => boolean) => boolean, signal: AbortSignal, ms = SLICE_MS): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    if (step(sliceDeadline(ms))) return;
    await yieldToPage();
  }
}
