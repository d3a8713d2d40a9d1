/**
 * `npm start`: builds the extension and opens Chromium with it loaded on a demo news page.
 * Where no browser can be started (no display, no Chromium) it says so and prints the folder
 * to load unpacked instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, '.output/chrome-mv3');

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed.`);
    process.exit(r.status ?? 1);
  }
}

run('npm', ['run', '--silent', 'build:pack']);
run('npx', ['wxt', 'build']);

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
const browser = candidates.find((p) => existsSync(p));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';

const howToLoad = `Load it by hand: open chrome://extensions, turn on Developer mode, choose "Load unpacked" and pick\n  ${outDir}\nFirefox: run "npx wxt build -b firefox" and load .output/firefox-mv2/manifest.json from about:debugging.`;

if (!browser || !hasDisplay) {
  console.log(`\nSourceLight is built.\n${!browser ? 'No Chromium was found (set CHROME_PATH to one).' : 'No display is available here, so no browser window can be opened.'}\n${howToLoad}`);
  process.exit(0);
}

const page = readFileSync(join(root, 'src/demo/news-article.html'));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/demo-article.html`;
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-profile-'));
  console.log(
    `\nOpening Chromium with SourceLight on ${url}\nSourceLight starts with no access to sites: choose "Check pages automatically" on its welcome page to check the article.\n(close the browser window to stop)`,
  );
  const child = spawn(browser, [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${outDir}`,
    `--load-extension=${outDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ], { stdio: 'ignore' });
  child.on('error', (err) => {
    console.log(`Could not start ${browser}: ${err.message}\n${howToLoad}`);
    server.close();
  });
  child.on('exit', () => server.close());
});
