#!/bin/sh
# Sets up the framework hosts of the end-to-end tests after `make build`:
# installs e2e/hosts from its lock file (skipped while node_modules matches
# it), type-checks the typed consumer against dist/npm's .d.ts with tsc, and
# builds the React and Vue apps with Vite into e2e/hosts/build/.
set -eu
cd "$(dirname "$0")/../e2e/hosts"
[ -f ../../dist/npm/package.json ] || { echo "hosts: run make build first (no dist/npm)" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "hosts: installing e2e/hosts (npm ci)"
  npm ci --no-audit --no-fund
fi
npx --no-install tsc -p types
npx --no-install vite build react
npx --no-install vite build vue
