#!/bin/sh
# The build's proof that the benchmark works: bench/run --quick against the distribution and the
# agent CLIs the build just made (distribution/pom.xml runs it in the verify phase, after the
# end-to-end tests). It fails only when a command it times does not work, never on slowness.
# Without Python 3 it is skipped, with a line saying so.
#   usage: bench/quick-check.sh DIST_DIR AGENTS_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
if ! command -v python3 >/dev/null 2>&1; then
  echo "bench: quick check skipped: python3 not found (the benchmark needs Python 3.8+)" >&2
  exit 0
fi
exec bash "$here/run" --quick --dist "$1" --agents "$2"
