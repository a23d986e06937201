#!/bin/sh
# Tool-version drift: runs the end-to-end suites against the LATEST npm versions of the agent
# CLIs instead of the versions pinned in distribution/agents/package-lock.json, then prints a
# pass/fail table with the versions. Exit status 0 only when every suite passed.
#
#   bench/tool-drift.sh            # from the repository root; needs node, npm, a JDK and Maven
#
# The latest CLIs go to distribution/target/agents-latest; the pinned install is not touched.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dest=$root/distribution/target/agents-latest
suites='*EndToEndIT,Interactive*IT,CopilotIT,KiloIT,DroidIT,ClineIT,KimiIT,PiIT'

mkdir -p "$dest"
# The pinned package.json with every version replaced by "latest".
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  for (const name of Object.keys(p.dependencies)) p.dependencies[name] = "latest";
  fs.writeFileSync(process.argv[2], JSON.stringify(p, null, 2) + "\n");
' "$root/distribution/agents/package.json" "$dest/package.json"
rm -f "$dest/package-lock.json"
(cd "$dest" && npm install --no-audit --no-fund --loglevel=error)
# Kimi Code and Pi run on the pinned Node 22 (distribution/agents/node), as in the pinned e2e runs.
mkdir -p "$dest/node22"
cp "$root/distribution/agents/node/package.json" "$root/distribution/agents/node/package-lock.json" "$dest/node22/"
(cd "$dest/node22" && npm install --no-audit --no-fund --loglevel=error)

rm -rf "$root/distribution/target/failsafe-reports"
mvn -B -q -pl distribution -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$suites" -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
  -Dagents.dir="$dest" -Dagents.install.skip=true || true

echo
echo "tool versions (pinned -> latest)"
node -e '
  const lock = require(process.argv[1]);
  const deps = Object.keys(require(process.argv[2]).dependencies);
  for (const name of deps) {
    const pinned = (lock.packages["node_modules/" + name] || {}).version || "?";
    let latest = "not installed";
    try { latest = require(process.argv[3] + "/node_modules/" + name + "/package.json").version; } catch (e) {}
    console.log("  " + name.padEnd(28) + pinned.padEnd(10) + " -> " + latest + (pinned === latest ? "" : "   (newer)"));
  }
' "$root/distribution/agents/package-lock.json" "$root/distribution/agents/package.json" "$dest"

echo
echo "end-to-end suites against the latest versions"
status=0
found=0
for report in "$root"/distribution/target/failsafe-reports/TEST-*.xml; do
  [ -f "$report" ] || continue
  found=1
  line=$(grep -m1 '<testsuite ' "$report")
  attr() { printf '%s\n' "$line" | sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p"; }
  name=$(attr name); tests=$(attr tests); failures=$(attr failures); errors=$(attr errors); skipped=$(attr skipped)
  if [ "$failures" = 0 ] && [ "$errors" = 0 ] && [ "$skipped" != "$tests" ]; then verdict=PASS; else verdict=FAIL; status=1; fi
  printf '  %-4s  %-45s %s tests, %s failed, %s errors, %s skipped\n' "$verdict" "${name##*.}" "$tests" "$failures" "$errors" "$skipped"
done
if [ "$found" = 0 ]; then
  echo "  no suite ran: see the Maven output above"
  status=1
fi
exit $status
