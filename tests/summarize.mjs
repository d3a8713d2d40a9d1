// Adds up vitest's JSON reports; a failed step without a report (typecheck, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
let passed = 0;
let failed = Number(process.argv[2] ?? 0);
for (const f of ['tests/artifacts/unit.json', 'tests/artifacts/e2e.json']) {
  if (!existsSync(f)) continue;
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A runner that crashed before its tests ran already counted as a failed step.
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
