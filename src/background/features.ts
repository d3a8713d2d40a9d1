/** Background features that live in their own files (context menu, commands...). */
export function registerFeatures(): void {
  // Filled in as features land.
}
