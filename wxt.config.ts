import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HIGHLIGHT_NAMES, HIGHLIGHT_STYLES, highlightCss, highlightStyleFile } from './src/page/highlight-styles';

/**
 * Scripts that run in web pages use `browser.runtime` only with promises and `sendResponse`,
 * which Chrome and Firefox both provide natively: they get WXT's plain `browser` instead of the
 * polyfill, which would add about 10 KB to every page. Extension pages keep the polyfill.
 */
const IN_PAGE = new Set(['content-script', 'unlisted-script']);

export default defineConfig({
  srcDir: 'src',
  entrypointsDir: '../extension',
  // Icons and other static files; relative to the root, and the top level has no public/.
  publicDir: 'src/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip Firefox's reviewers rebuild from: no test output, screenshots or big pages.
  zip: { excludeSources: ['tests/artifacts/**', '.output/**', 'src/generated/**'] },
  // A factory: WXT runs several Vite builds and each needs its own plugin instances.
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    /** One CSS file per highlight style, from the same source as the sheet pages adopt (see highlightStyleFile). */
    'build:publicAssets'(_wxt, files) {
      for (const style of HIGHLIGHT_STYLES) files.push({ relativeDest: highlightStyleFile(style), contents: highlightCss(style, HIGHLIGHT_NAMES) });
    },
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => IN_PAGE.has(e.type))) return;
      const current = config.resolve?.alias ?? [];
      const list = Array.isArray(current) ? current : Object.entries(current).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: resolve('node_modules/wxt/dist/browser.mjs') }, ...list] };
      // Names in Cyrillic and Łacinka stay UTF-8 rather than six-byte \u escapes.
      config.esbuild = { ...(config.esbuild || {}), charset: 'utf8' };
    },
    /**
     * The content script has `registration: 'runtime'` and no matches: the background registers
     * it on the granted origins only. WXT still writes an empty content_scripts list, and would
     * add a runtime script's matches to host_permissions; a build must require no host access at
     * all, so both go. `wxt dev` keeps the host permission it adds for its dev server.
     */
    'build:manifestGenerated'(wxt, manifest) {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
      if (wxt.config.command === 'build') delete manifest.host_permissions;
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'SourceLight',
    description:
      'Checks what a page says about Belarus and the International Criminal Court against vetted sources. Works offline; nothing you read leaves your device.',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    // storage: per-tab results and the side panel's selection, in storage.session (settings and
    // facts live in IndexedDB); activeTab + scripting: "Check this page" injects the content
    // script into the one tab the reader clicked, with no access to any site; scripting also
    // registers the content script on the sites the reader granted and injects the card's code;
    // contextMenus: "Check with SourceLight" on a selection; sidePanel: the draft editor.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // No access to any site at install, only optional access the browser asks the reader for.
    // The options page requests every site (automatic mode) or the allow list's sites, and
    // src/background/features/content-script-sync.ts registers the content script on exactly the
    // granted origins; the grant (or activeTab) also lets the background inject the card's code.
    // MV2 has no optional_host_permissions: host access there is an optional permission.
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    action: { default_title: 'SourceLight', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(manifestVersion === 2 ? { browser_action: { default_title: 'SourceLight', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } } } : {}),
    commands: {
      'check-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Check this page with SourceLight' },
      'open-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the SourceLight draft checker' },
    },
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; frame-ancestors 'none'" }
        : "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'",
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
