/**
 * `wxt build` (Chrome MV3, production) into a folder of the bench's own, so that a bench run
 * neither empties nor races the shared .output/ that other builds and the e2e tests use.
 * Same config (wxt.config.ts), same build as `npx wxt build`; only the output folder differs.
 *
 *   tsx tests/bench/build-extension.ts <outDir> [--sourcemap]   → <outDir>/chrome-mv3
 *
 * With --sourcemap (the bench's --profile mode) the bundles get source maps, so that profiles
 * of the minified code can be read in terms of src/.
 */
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: tsx tests/bench/build-extension.ts <outDir>');
  process.exit(2);
}
const sourcemap = process.argv.includes('--sourcemap');
build({
  root: process.cwd(),
  outDir,
  browser: 'chrome',
  manifestVersion: 3,
  mode: 'production',
  ...(sourcemap ? { vite: () => ({ build: { sourcemap: true } }) } : {}),
}).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
