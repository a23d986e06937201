#!/usr/bin/env python3
"""agent-launch startup benchmark: whole-process timings of the assembled distribution.

Run it through bench/run (see bench/README.md). Every figure is a ratio to a baseline measured in
the same rounds: each round runs every command once, in a rotating order, so a machine that gets
busier part-way slows the figure and its baseline alike. Wall time and CPU time (user + system,
the launcher and everything it waited for) come from wait4(2), peak RSS too.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

MODEL = "qwen3:8b"
TARGETS = {  # figure -> (target, first milestone or None, what it is)
    "P1": (0.5, 1.0, "launch claude --dry-run --offline / claude --version"),
    "P1-floor": (None, None, "launch claude --dry-run --offline / JVM hello-world, same flags"),
    "P1-config": (None, None, "the launch with a config file and --profile / claude --version"),
    "P1-libs": (None, None, "library floor (picocli model + parse, PF4J loading one plugin, nothing else) / claude --version"),
    "P2": (0, None, "JVMs alive while the agent runs"),
    "P3": (1.5, None, "list-integrations with N extra plugin jars / with the built-ins"),
    "P4": (64, None, "peak RSS of the launcher JVM, MB"),
    "C1": (20, None, "server checks for three tiers: checked dry run minus --offline dry run, ms (median wall)"),
    "C1-floor": (None, None, "HTTP floor: the checks' six requests alone in a fresh JVM minus the JVM hello-world, ms"),
}
# Server kinds other than Ollama: the same checked dry run against each kind's simulator (detection included).
KINDS = ["vllm", "sglang", "llamacpp", "lmstudio", "litellm", "openai"]
for _kind in KINDS:
    TARGETS["C1-" + _kind] = (None, None, f"server checks against the {_kind} simulator (kind detected; litellm with a token) "
                                          "minus --offline, ms")
BENCH_TOKEN_VAR = "BENCH_LLM_TOKEN"
BENCH_TOKEN = "bench-token-0000"
TIERS = ["--large", "qwen3:32b", "--medium", "qwen3:14b", "--small", "qwen3:4b"]


def start_simulator(root, dist, java, kind=None, token=None):
    """The project's simulator (launcher-core's test-jar; Ollama's API unless kind says) on a free port; returns (process, url)."""
    tests = [os.path.join(root, "launcher-core", "target", f) for f in sorted(os.listdir(os.path.join(root, "launcher-core", "target")))
             if f.endswith("-tests.jar")] if os.path.isdir(os.path.join(root, "launcher-core", "target")) else []
    if not tests:
        fail("no launcher-core test-jar (the simulator): build with 'mvn -B -DskipTests package'")
    cp = tests[0] + os.pathsep + os.path.join(dist, "lib", "*")
    extra = (["--kind", kind] if kind else []) + (["--token", token] if token else [])
    proc = subprocess.Popen([java, "-cp", cp, "dev.agentlaunch.core.sim.OllamaSimulator", "0"] + TIERS[1::2] + extra,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for _ in range(5):
        line = proc.stdout.readline()
        if line.startswith("listening on "):
            return proc, line.split()[2]
    proc.kill()
    fail("the simulator did not start")


def fail(msg):
    print("bench: error: " + msg, file=sys.stderr)
    sys.exit(2)


class Run:
    """One finished process: wall seconds, CPU seconds, peak RSS in KiB, exit code, output."""

    def __init__(self, wall, cpu, rss_kb, code, out):
        self.wall, self.cpu, self.rss_kb, self.code, self.out = wall, cpu, rss_kb, code, out


def run_once(argv, env, capture=False):
    out_file = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out_file, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = ""
    if capture:
        out_file.seek(0)
        out = out_file.read().decode("utf-8", "replace")
        out_file.close()
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, out)


class Case:
    def __init__(self, name, argv, env, check=None):
        self.name, self.argv, self.env, self.check = name, argv, env, check
        self.runs = []

    def stat(self, attr):
        values = [getattr(r, attr) for r in self.runs]
        return statistics.median(values), min(values), max(values)


def measure(cases, warmup, runs):
    """Warm-up rounds (not recorded; they also create the launcher's CDS archive), then `runs`
    rounds, each running every case once in a rotating order."""
    for case in cases:
        first = run_once(case.argv, case.env, capture=True)
        if first.code != 0 or (case.check and case.check not in first.out):
            fail(f"'{case.name}' did not work (exit {first.code}): {' '.join(case.argv)}\n{first.out[-2000:]}")
    for _ in range(max(0, warmup - 1)):
        for case in cases:
            run_once(case.argv, case.env)
    for i in range(runs):
        order = cases[i % len(cases):] + cases[:i % len(cases)]
        for case in order:
            r = run_once(case.argv, case.env)
            if r.code != 0:
                fail(f"'{case.name}' failed (exit {r.code}) during the timed runs")
            case.runs.append(r)


def jvm_opts(dist):
    text = open(os.path.join(dist, "bin", "launch"), encoding="utf-8").read()
    m = re.search(r"AGENT_LAUNCH_JAVA_OPTS=\$\{AGENT_LAUNCH_JAVA_OPTS:-([^}]*)\}", text)
    if not m:
        fail("cannot find the default JVM flags in bin/launch")
    return m.group(1).split()


def java_cmd(java_home):
    return os.path.join(java_home, "bin", "java") if java_home else shutil.which("java") or fail("no java on PATH")


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[0] if out else "unknown"


def make_plugins(work, dist, java_home, count):
    """`count` plugin jars, each a real PF4J plugin with its own id, one shared compiled class."""
    here = os.path.dirname(os.path.abspath(__file__))
    lib = os.path.join(dist, "lib")
    classes = os.path.join(work, "classes")
    javac = os.path.join(java_home, "bin", "javac") if java_home else "javac"
    cp = os.pathsep.join(os.path.join(lib, j) for j in os.listdir(lib) if j.startswith(("launcher-api", "pf4j", "picocli")))
    subprocess.run([javac, "--release", "17", "-proc:none", "-cp", cp, "-d", classes,
                    os.path.join(here, "fixtures", "BenchIntegration.java"),
                    os.path.join(here, "fixtures", "Hello.java"),
                    os.path.join(here, "fixtures", "LibraryFloor.java"),
                    os.path.join(here, "fixtures", "HttpFloor.java")], check=True)
    klass = open(os.path.join(classes, "dev/agentlaunch/bench/BenchIntegration.class"), "rb").read()
    plugins = os.path.join(work, f"plugins-{count}")
    os.makedirs(plugins)
    for i in range(count):
        pid = f"bench-{i:03d}"
        jar = os.path.join(plugins, f"{pid}-1.0.0.jar")
        with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nPlugin-Id: %s\r\nPlugin-Version: 1.0.0\r\n"
                       "Plugin-Requires: ^1.0.0\r\nPlugin-Provider: agent-launch bench\r\n\r\n" % pid)
            z.writestr("META-INF/extensions.idx", "dev.agentlaunch.bench.BenchIntegration\n")
            z.writestr("dev/agentlaunch/bench/BenchIntegration.class", klass)
            z.writestr("dev/agentlaunch/bench/id.txt", pid + "\n")
        os.chmod(jar, 0o644)
    os.chmod(plugins, 0o755)
    return classes, plugins


def with_own_archive(work, java, opts, classes, main, args, extra_cp=""):
    """A fixture's command: its class as a jar with its own class-data archive (as the launcher
    has one), made here from a first run."""
    jar = os.path.join(work, main + ".jar")
    with zipfile.ZipFile(jar, "w") as z:
        for name in os.listdir(classes):
            if name.startswith(main):
                z.write(os.path.join(classes, name), name)
    cp = jar + (os.pathsep + extra_cp if extra_cp else "")
    classlist = os.path.join(work, main + ".classlist")
    archive = os.path.join(work, main + ".jsa")
    subprocess.run([java] + opts + ["-XX:DumpLoadedClassList=" + classlist, "-cp", cp, main] + args,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([java] + opts + ["-Xshare:dump", "-XX:SharedClassListFile=" + classlist,
                    "-XX:SharedArchiveFile=" + archive, "-cp", cp], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return [java] + opts + ["-Xlog:cds=off", "-XX:SharedArchiveFile=" + archive, "-cp", cp, main] + args


def library_floor(work, dist, java, opts, classes):
    """LibraryFloor over a directory holding just the Claude plugin."""
    one = os.path.join(work, "one-plugin")
    os.makedirs(one)
    plugins = os.path.join(dist, "plugins")
    claude = [j for j in os.listdir(plugins) if j.startswith("plugin-claude")]
    if not claude:
        fail("no Claude plugin in the distribution")
    shutil.copy(os.path.join(plugins, claude[0]), one)
    return with_own_archive(work, java, opts, classes, "LibraryFloor", [one], os.path.join(dist, "lib", "*"))


def jvms_during_session(dist, env, work):
    """P2: start a launch whose tool runs until told to stop, then read the process table."""
    stub_dir = os.path.join(work, "stub-bin")
    os.makedirs(stub_dir, exist_ok=True)
    ready = os.path.join(work, "stub-ready")
    stub = os.path.join(stub_dir, "claude")
    with open(stub, "w") as f:
        # A long-running stand-in for the agent: says it is up, then waits to be stopped.
        f.write('#!/bin/sh\necho "$$" > "$BENCH_READY.tmp" && mv "$BENCH_READY.tmp" "$BENCH_READY"\nexec sleep 600\n')
    os.chmod(stub, 0o755)
    env = dict(env, PATH=stub_dir + os.pathsep + env["PATH"], BENCH_READY=ready)
    proc = subprocess.Popen([os.path.join(dist, "bin", "launch"), "claude", "--offline", "--model", MODEL],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not os.path.exists(ready):
            if proc.poll() is not None or time.monotonic() > deadline:
                fail("P2: the stub tool never started")
            time.sleep(0.02)
        tool_pid = int(open(ready).read().strip())
        tree = process_tree(proc.pid)
        # A JVM in the launch's process tree, or a launcher JVM of this distribution anywhere
        # (one that detached itself would not be in the tree).
        jvms = {p[0] for p in tree if p[1] == "java"}
        jvms |= {pid for pid, exe, cmd in process_tree(1)
                 if exe == "java" and "dev.agentlaunch.core.Main" in cmd and dist in cmd}
        return {"launch_pid": proc.pid, "tool_pid": tool_pid, "tree": tree, "jvms": len(jvms)}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait()


def process_tree(root):
    """(pid, executable name, command line) for root and all its descendants, from /proc."""
    children, info = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = open(f"/proc/{name}/stat").read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            try:
                exe = os.path.basename(os.readlink(f"/proc/{name}/exe"))
            except OSError:
                exe = stat[stat.index("(") + 1:stat.rindex(")")]
            cmd = open(f"/proc/{name}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(name))
        info[int(name)] = (exe, cmd)
    result, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in info:
            result.append((pid, info[pid][0], info[pid][1]))
        todo.extend(children.get(pid, []))
    return result


def git_commit(root):
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)bench/results"],
                               capture_output=True, text=True)
        return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def load():
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def ratio(a, b):
    return a / b if b else float("nan")


def verdict(value, target, milestone=None):
    if target is None:
        return ""
    if value <= target:
        return "target met"
    if milestone is not None and value <= milestone:
        return "first milestone met"
    return "not met"


def main():
    ap = argparse.ArgumentParser(prog="bench/run", description="agent-launch startup benchmark")
    ap.add_argument("--root", required=True, help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="1 warm-up, 3 runs, 20 plugins: proves it works (CI)")
    ap.add_argument("--runs", type=int, help="timed rounds (default 15, quick 3)")
    ap.add_argument("--warmup", type=int, help="warm-up rounds (default 3, quick 1)")
    ap.add_argument("--plugins", type=int, help="extra plugin jars for P3 (default 100, quick 20)")
    ap.add_argument("--dist", help="the assembled distribution (default: the build's)")
    ap.add_argument("--agents", help="dir holding node_modules/.bin/claude (default: the build's)")
    ap.add_argument("--java-home", default=os.environ.get("JAVA_HOME"), help="Java to run the launcher with")
    ap.add_argument("--levers", action="store_true", help="also time the launch under each JVM-option variant")
    ap.add_argument("--alt-java-home", action="append", default=[],
                    help="another Java: rows for the launch under it, with its own archive and without AppCDS")
    ap.add_argument("--ab-dist", metavar="DIR", help="with --levers: another build of the distribution, timed in the "
                    "same rounds (A/B for a code change)")
    ap.add_argument("--check", metavar="RESULTS.json", help="compare ratios with an earlier run; exit 1 on a regression")
    ap.add_argument("--tolerance", type=float, default=0.25, help="--check: allowed ratio growth (default 0.25)")
    ap.add_argument("--out", help="results dir (default bench/results; quick mode writes none unless given)")
    a = ap.parse_args()

    runs = a.runs or (3 if a.quick else 15)
    warmup = a.warmup or (1 if a.quick else 3)
    nplugins = a.plugins or (20 if a.quick else 100)
    target = os.path.join(a.root, "distribution", "target")
    dist = a.dist
    if not dist and os.path.isdir(target):
        built = [d for d in sorted(os.listdir(target)) if d.startswith("agent-launch-")
                 and os.path.isdir(os.path.join(target, d))]
        dist = os.path.join(target, built[-1]) if built else None
    if not dist or not os.path.isfile(os.path.join(dist, "bin", "launch")):
        fail("no assembled distribution: build it with 'mvn -B -DskipTests package' (bench/run does)")
    claude = os.path.join(a.agents or os.path.join(target, "agents"), "node_modules", ".bin", "claude")
    if not os.access(claude, os.X_OK):
        fail(f"no Claude Code at {claude}: install the pinned agents (bench/run does)")
    java_home = a.java_home or None
    java = java_cmd(java_home)
    opts = jvm_opts(dist)

    with tempfile.TemporaryDirectory(prefix="agent-launch-bench-") as work:
        home = os.path.join(work, "home")
        os.makedirs(home)
        # DISABLE_AUTOUPDATER: Claude Code must not update itself (globally) from inside a benchmark.
        base_env = {"HOME": home, "LANG": "C.UTF-8", "DISABLE_AUTOUPDATER": "1",
                    "PATH": os.path.dirname(claude) + os.pathsep + os.path.dirname(java) + os.pathsep + "/usr/bin:/bin"}
        if java_home:
            base_env["JAVA_HOME"] = java_home
        classes, plugins = make_plugins(work, dist, java_home, nplugins)
        launch = os.path.join(dist, "bin", "launch")
        dry = [launch, "claude", "--dry-run", "--offline", "--model", MODEL]
        cases = [
            Case("claude --version", [claude, "--version"], base_env, "Claude Code"),
            Case("JVM hello-world", [java] + opts + ["-cp", classes, "Hello"], base_env, "hello"),
            Case("library floor: picocli model + parse, PF4J loading one plugin", library_floor(work, dist, java, opts, classes),
                 base_env, "integrations 1"),
            Case("launch claude --dry-run --offline", dry, base_env, "ANTHROPIC_DEFAULT_OPUS_MODEL"),
            Case("launch list-integrations", [launch, "list-integrations"], base_env, "claude"),
            Case(f"launch list-integrations, {nplugins} more plugins",
                 [launch, "--plugins-dir", plugins, "list-integrations"], base_env, f"bench-{nplugins - 1:03d}"),
        ]
        # Most users have a config file with profiles: the same launch reading one.
        config = os.path.join(work, "config.json")
        with open(config, "w") as f:
            json.dump({"profiles": {"coding": {"large": "qwen3:32b", "small": "qwen3:4b"}},
                       "integrations": {"claude": {"profile": "coding"}}}, f)
        cases.append(Case("launch claude --dry-run --offline --profile coding (config file)",
                          [launch, "claude", "--dry-run", "--offline", "--profile", "coding"],
                          dict(base_env, AGENT_LAUNCH_CONFIG=config), "ANTHROPIC_DEFAULT_OPUS_MODEL"))
        sim, sim_url = start_simulator(a.root, dist, java)
        three = [launch, "claude", "--dry-run", "--memory", "64GB"] + TIERS
        cases += [
            Case("launch claude --dry-run --offline, 3 tiers", three + ["--offline"], base_env, "ANTHROPIC_DEFAULT_OPUS_MODEL"),
            Case("launch claude --dry-run, 3 tiers checked (simulator)", three + ["--host", sim_url], base_env,
                 "ANTHROPIC_DEFAULT_OPUS_MODEL"),
            Case("HTTP floor: the checks' six requests alone, in a fresh JVM (simulator)",
                 with_own_archive(work, java, opts, classes, "HttpFloor", [sim_url]), base_env, "answered"),
        ]
        kind_sims = []
        for kind in KINDS:
            token = BENCH_TOKEN if kind == "litellm" else None
            ksim, kurl = start_simulator(a.root, dist, java, kind, token)
            kind_sims.append(ksim)
            cases.append(Case(f"launch claude --dry-run, 3 tiers checked ({kind} simulator)",
                              three + ["--host", kurl] + (["--api-key-env", BENCH_TOKEN_VAR] if token else []),
                              dict(base_env, **{BENCH_TOKEN_VAR: BENCH_TOKEN}), "ANTHROPIC_DEFAULT_OPUS_MODEL"))
        # A second Java on the same distribution: each Java has its own archive (lib/cds/<java>.jsa).
        for alt in a.alt_java_home:
            name = os.path.basename(alt.rstrip('/'))
            alt_env = dict(base_env, JAVA_HOME=alt)
            cases.append(Case(f"launch claude --dry-run --offline, second Java {name} (its own archive)", dry, alt_env,
                              "ANTHROPIC_DEFAULT_OPUS_MODEL"))
            cases.append(Case(f"launch claude --dry-run --offline, second Java {name}, no AppCDS", dry,
                              dict(alt_env, AGENT_LAUNCH_CDS="off"), "ANTHROPIC_DEFAULT_OPUS_MODEL"))
        # The archives are made in the background after a first run; make them now, before any timing.
        for java_env in [base_env] + [dict(base_env, JAVA_HOME=alt) for alt in a.alt_java_home]:
            run_once([launch, "version"], dict(java_env, AGENT_LAUNCH_CDS_WAIT="1"))
        levers = []
        if a.levers:
            levers = lever_cases(dry, base_env, opts, a.alt_java_home, work, dist)
            if a.ab_dist:
                other = os.path.join(os.path.abspath(a.ab_dist), "bin", "launch")
                levers.append(Case("lever: other build (--ab-dist)", [other] + dry[1:], base_env,
                                   "ANTHROPIC_DEFAULT_OPUS_MODEL"))
                levers.append(Case(f"lever: other build, list-integrations + {nplugins} plugins",
                                   [other, "--plugins-dir", plugins, "list-integrations"], base_env,
                                   f"bench-{nplugins - 1:03d}"))
                levers.append(Case(f"lever: this build, list-integrations + {nplugins} plugins",
                                   [launch, "--plugins-dir", plugins, "list-integrations"], base_env,
                                   f"bench-{nplugins - 1:03d}"))
        load_before = load()
        started = time.monotonic()
        try:
            measure(cases + levers, warmup, runs)
        finally:
            sim.kill()
            for ksim in kind_sims:
                ksim.kill()
        p2 = jvms_during_session(dist, base_env, work)
        elapsed = time.monotonic() - started
        load_after = load()

    by = {c.name: c for c in cases}
    med = lambda name: by[name].stat("wall")[0]
    launch_dry = "launch claude --dry-run --offline"
    figures = {
        "P1": ratio(med(launch_dry), med("claude --version")),
        "P1-floor": ratio(med(launch_dry), med("JVM hello-world")),
        "P2": p2["jvms"],
        "P3": ratio(med(cases[5].name), med("launch list-integrations")),
        "P4": by[launch_dry].stat("rss_kb")[2] / 1024,
        "P1-config": ratio(med(cases[6].name), med("claude --version")),
        "P1-libs": ratio(med(cases[2].name), med("claude --version")),
        "C1": (med(cases[8].name) - med(cases[7].name)) * 1000,
        "C1-floor": (med(cases[9].name) - med("JVM hello-world")) * 1000,
    }
    for kind in KINDS:
        figures["C1-" + kind] = (med(f"launch claude --dry-run, 3 tiers checked ({kind} simulator)") - med(cases[7].name)) * 1000
    cpu_figures = {
        "P1": ratio(by[launch_dry].stat("cpu")[0], by["claude --version"].stat("cpu")[0]),
        "P1-floor": ratio(by[launch_dry].stat("cpu")[0], by["JVM hello-world"].stat("cpu")[0]),
        "P1-config": ratio(by[cases[6].name].stat("cpu")[0], by["claude --version"].stat("cpu")[0]),
        "P1-libs": ratio(by[cases[2].name].stat("cpu")[0], by["claude --version"].stat("cpu")[0]),
        "P3": ratio(by[cases[5].name].stat("cpu")[0], by["launch list-integrations"].stat("cpu")[0]),
    }
    low = lambda name: by[name].stat("wall")[1]
    min_figures = {
        "P1": ratio(low(launch_dry), low("claude --version")),
        "P1-floor": ratio(low(launch_dry), low("JVM hello-world")),
        "P1-config": ratio(low(cases[6].name), low("claude --version")),
        "P1-libs": ratio(low(cases[2].name), low("claude --version")),
        "P3": ratio(low(cases[5].name), low("launch list-integrations")),
    }
    info = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "java": java_version(java),
        "claude": run_once([claude, "--version"], base_env, capture=True).out.strip(),
        "jvm_flags": " ".join(opts),
        "commit": git_commit(a.root),
        "runs": runs, "warmup": warmup, "plugins": nplugins,
        "load": f"{load_before} before, {load_after} after", "seconds": round(elapsed, 1),
        "quick": a.quick,
    }
    report = render(info, cases, levers, figures, cpu_figures, min_figures, p2, nplugins)
    print(report)

    out_dir = a.out or (None if a.quick else os.path.join(a.root, "bench", "results"))
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        stem = os.path.join(out_dir, datetime.datetime.now().strftime("%Y-%m-%d"))
        with open(stem + ".md", "w") as f:
            f.write(report + "\n")
        with open(stem + ".json", "w") as f:
            json.dump({"info": info, "figures": figures, "cpu_figures": cpu_figures, "min_figures": min_figures,
                       "checks_per_kind": checks_per_kind(cases)}, f, indent=2)
            f.write("\n")
        print(f"\nwritten: {stem}.md, {stem}.json")

    if a.check:
        sys.exit(check(a.check, figures, a.tolerance, nplugins))


def lever_cases(dry, env, opts, alt_java_homes, work, dist):
    """The launch under each JVM-option variant the README's lever table reports."""
    without = lambda flag: {"AGENT_LAUNCH_JAVA_OPTS": " ".join(o for o in opts if not o.startswith(flag))}
    variants = [
        ("as shipped (flags + AppCDS)", {}),
        ("no AppCDS", {"AGENT_LAUNCH_CDS": "off"}),
        ("no flags, no AppCDS", {"AGENT_LAUNCH_JAVA_OPTS": "-Xshare:auto", "AGENT_LAUNCH_CDS": "off"}),
        ("without -XX:TieredStopAtLevel=1 (C2 too)", without("-XX:TieredStopAtLevel")),
        ("without -XX:+UseSerialGC (G1)", without("-XX:+UseSerialGC")),
        ("without -XX:-UsePerfData", without("-XX:-UsePerfData")),
    ]
    cases = [Case("lever: " + name, dry, dict(env, **extra), "ANTHROPIC_DEFAULT_OPUS_MODEL") for name, extra in variants]
    for alt in alt_java_homes:
        # The same distribution: each Java has an archive of its own there.
        name = os.path.basename(alt.rstrip('/'))
        cases.append(Case(f"lever: Java {name} + AppCDS", dry, dict(env, JAVA_HOME=alt), "ANTHROPIC_DEFAULT_OPUS_MODEL"))
    return cases


def fmt_ms(s):
    return f"{s * 1000:.0f}"


def render(info, cases, levers, figures, cpu_figures, min_figures, p2, nplugins):
    lines = [f"# agent-launch startup benchmark, {info['date']}", ""]
    lines.append(f"- machine: {info['machine']}; load average {info['load']}")
    lines.append(f"- source: commit {info['commit']}")
    lines.append(f"- {info['java']}; launcher JVM flags `{info['jvm_flags']}` + AppCDS archive")
    lines.append(f"- {info['claude']}; {info['warmup']} warm-up + {info['runs']} timed rounds, interleaved; "
                 f"{info['seconds']} s" + (" (quick mode: proves the benchmark works, figures are rough)" if info["quick"] else ""))
    lines += ["", "| command | wall median ms | min | max | CPU median ms | peak RSS MB |", "|---|---:|---:|---:|---:|---:|"]
    for c in cases + levers:
        w, c_ = c.stat("wall"), c.stat("cpu")
        lines.append(f"| {c.name} | {fmt_ms(w[0])} | {fmt_ms(w[1])} | {fmt_ms(w[2])} | {fmt_ms(c_[0])} | "
                     f"{c.stat('rss_kb')[2] / 1024:.0f} |")
    if levers:
        hello = next(c for c in cases if c.name == "JVM hello-world").stat("wall")[0]
        lines += ["", "Lever variants as a multiple of the JVM hello-world (same rounds):", ""]
        for c in levers:
            lines.append(f"- {c.name[len('lever: '):]}: {ratio(c.stat('wall')[0], hello):.2f}x wall, "
                         f"{fmt_ms(c.stat('cpu')[0])} ms CPU")
    quick = info["quick"]
    if quick:
        # A 3-round sample proves the benchmark runs; it is no measurement to judge a target by.
        lines += ["", "Quick mode: figures only, no verdicts (only a full run reports against the targets).", "",
                  "| figure | value | CPU-time ratio | ratio of minimums |", "|---|---:|---:|---:|"]
    else:
        lines += ["", "| figure | value | CPU-time ratio | ratio of minimums | target | verdict |",
                  "|---|---:|---:|---:|---:|---|"]
    for key in ("P1", "P1-floor", "P1-config", "P1-libs", "P2", "P3", "P4", "C1", "C1-floor") + tuple("C1-" + k for k in KINDS):
        tgt, milestone, what = TARGETS[key]
        what = what.replace("N extra", f"{nplugins} extra")
        value = figures[key]
        shown = f"{value:.2f}" if key in ("P1", "P1-floor", "P1-config", "P1-libs", "P3") else (f"{value:.0f} MB" if key == "P4"
                 else f"{value:.0f} ms" if key.startswith("C1") else str(value))
        cpu = f"{cpu_figures[key]:.2f}" if key in cpu_figures else ""
        mins = f"{min_figures[key]:.2f}" if key in min_figures else ""
        tshow = "" if tgt is None else ("≤ " + str(tgt) + (" MB" if key == "P4" else " ms" if key == "C1" else "")
                                        + (f" (milestone ≤ {milestone})" if milestone else ""))
        if quick:
            lines.append(f"| {key}: {what} | {shown} | {cpu} | {mins} |")
        else:
            lines.append(f"| {key}: {what} | {shown} | {cpu} | {mins} | {tshow} | {verdict(value, tgt, milestone)} |")
    lines += check_cost_per_kind(cases)
    lines += ["", f"P2 process table while the stub agent ran (launch pid {p2['launch_pid']}, "
                  f"the tool reported pid {p2['tool_pid']}{': the same process, exec hand-off' if p2['launch_pid'] == p2['tool_pid'] else ''}):", ""]
    for pid, exe, cmd in p2["tree"]:
        lines.append(f"    {pid} {exe}: {cmd[:100]}")
    return "\n".join(lines)


def paired_differences(checked, offline):
    """Per timed round, the checked run minus the offline run of the same round, ms: the rounds are
    interleaved, so a pair shares the machine's load of that moment, which the difference of two
    medians over the whole run does not."""
    return sorted((c.wall - o.wall) * 1000 for c, o in zip(checked.runs, offline.runs))


def checks_per_kind(cases):
    """The C1 figures per server kind again, as paired per-round differences with their spread:
    {kind: {median, q1, q3, min, max}} in ms."""
    by = {c.name: c for c in cases}
    offline = by.get("launch claude --dry-run --offline, 3 tiers")
    rows = [("ollama", by.get("launch claude --dry-run, 3 tiers checked (simulator)"))]
    rows += [(k, by.get(f"launch claude --dry-run, 3 tiers checked ({k} simulator)")) for k in KINDS]
    if offline is None or any(c is None for _, c in rows):
        return {}
    out = {}
    for kind, case in rows:
        d = paired_differences(case, offline)
        q = statistics.quantiles(d, n=4) if len(d) >= 2 else [d[0], d[0], d[0]]
        out[kind] = {"median": round(statistics.median(d), 1), "q1": round(q[0], 1), "q3": round(q[2], 1),
                     "min": round(d[0], 1), "max": round(d[-1], 1)}
    return out


def check_cost_per_kind(cases):
    per_kind = checks_per_kind(cases)
    if not per_kind:
        return []
    lines = ["", "Check cost per server kind: the checked dry run minus the `--offline` one of the same round, ms "
                 "(kind detected; litellm with a token):", "",
             "| kind | median | quartiles | min | max |", "|---|---:|---:|---:|---:|"]
    for kind, f in per_kind.items():
        lines.append(f"| {kind} | {f['median']:.0f} | {f['q1']:.0f} to {f['q3']:.0f} | {f['min']:.0f} | {f['max']:.0f} |")
    return lines


def check(path, figures, tolerance, plugins):
    """Regression check on ratios only: absolute times are never compared."""
    earlier = json.load(open(path))
    old = earlier["figures"]
    keys = ["P1", "P1-floor", "P1-config"]
    if earlier["info"].get("plugins") == plugins:
        keys.append("P3")
    else:
        print(f"bench: P3 not compared: {earlier['info'].get('plugins')} plugins then, {plugins} now", file=sys.stderr)
    worse = []
    for key in keys:
        if key in old and figures[key] > old[key] * (1 + tolerance):
            worse.append(f"{key} {old[key]:.2f} -> {figures[key]:.2f}")
    if figures["P2"] > old.get("P2", 0):
        worse.append(f"P2 {old.get('P2', 0)} -> {figures['P2']} JVMs")
    if worse:
        print("bench: regression (ratios, tolerance %.0f%%): %s" % (tolerance * 100, "; ".join(worse)), file=sys.stderr)
        return 1
    print(f"bench: no ratio regressed beyond {tolerance * 100:.0f}% against {path}")
    return 0


if __name__ == "__main__":
    main()
