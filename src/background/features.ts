/** Background features that live in their own files, registered on every start. */
import { registerContentScriptSync } from './features/content-script-sync';
import { registerContextMenu } from './features/context-menu';
import { registerWelcome } from './features/welcome';
import type { PackStore } from './pack-store';
import { readSettings } from './settings-store';

export function registerFeatures(store: PackStore): void {
  registerContextMenu();
  registerContentScriptSync(undefined, async () => (await readSettings(store.db)).highlightStyle);
  registerWelcome();
}
