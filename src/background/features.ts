/** Background features that live in their own files, registered on every start. */
import { registerContentScriptSync } from './features/content-script-sync';
import { registerContextMenu } from './features/context-menu';
import { registerWelcome } from './features/welcome';

export function registerFeatures(): void {
  registerContextMenu();
  registerContentScriptSync();
  registerWelcome();
}
