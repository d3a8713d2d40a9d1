/**
 * The content script's only console output: debug level, so a site's own console and error
 * monitoring never see SourceLight unless a developer asks for verbose logs.
 */
export function debug(...args: unknown[]): void {
  try {
    console.debug('[SourceLight]', ...args);
  } catch {
    // A page may have replaced console; logging is never worth an exception.
  }
}

/**
 * Wraps a handler that runs on page events so that nothing it throws reaches the page (or the
 * site's error reporting).
 */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (err) {
      debug(err);
    }
  };
}
