#!/usr/bin/env bash
# `npm test`: every tier, in the order that fails fastest. Prints `N passed, N failed` last.
set -u
cd "$(dirname "$0")/.."
mkdir -p tests/artifacts
rm -f tests/artifacts/*.json
fail_steps=0
step() { echo; echo "== $1"; shift; "$@" || { echo "!! step failed: $*"; fail_steps=$((fail_steps + 1)); }; }

step "fact pack" npm run --silent build:pack
step "typecheck" npm run --silent typecheck
step "unit and integration tests" npx vitest run --config tests/vitest.unit.config.ts --reporter=default --reporter=json --outputFile.json=tests/artifacts/unit.json
step "extension build (Chrome MV3)" npx wxt build
step "Firefox builds (MV2, MV3) pass web-ext lint" npm run --silent lint:firefox
step "extension build (Chrome MV3, for the browser tests)" npx wxt build
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  step "end-to-end tests" npx vitest run --config tests/vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=tests/artifacts/e2e.json
else
  echo "!! no Chromium at ${CHROMIUM:-/usr/bin/chromium}: end-to-end tests cannot run"; fail_steps=$((fail_steps + 1))
fi
node tests/summarize.mjs "$fail_steps"
