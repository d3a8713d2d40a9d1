import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'src',
  entrypointsDir: '../extension',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'SourceLight',
    description: 'Checks what a page says about Belarus and the ICC against vetted sources. Offline; nothing leaves your device.',
  }),
});
