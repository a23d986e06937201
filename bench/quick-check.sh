#!/bin/sh
# The build's proof that the benchmark works: bench/run --quick against the distribution and the
# agent CLIs the build just made (distribution/pom.xml runs it in the verify phase, after the
# end-to-end tests). It fails only when a command it times does not work, never on slowness.
# Without Python 3, or without the agent CLIs the build installs (no node/npm), it is skipped with
# a line saying so; under CI=true a missing part fails instead.
#   usage: bench/quick-check.sh DIST_DIR AGENTS_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
skip() {
  if [ "${CI:-}" = true ]; then
    echo "bench: error: CI=true: $1" >&2
    exit 1
  fi
  echo "######## bench: quick check SKIPPED: $1" >&2
  exit 0
}
command -v python3 >/dev/null 2>&1 || skip "python3 not found (the benchmark needs Python 3.8+)"
[ -x "$2/node_modules/.bin/claude" ] || skip "Claude Code is not installed in $2 (node/npm missing?): the benchmark times against it"
exec bash "$here/run" --quick --dist "$1" --agents "$2"
