/** Background features that live in their own files, registered on every start. */
import { registerContextMenu } from './features/context-menu';

export function registerFeatures(): void {
  registerContextMenu();
}
