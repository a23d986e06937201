#!/bin/sh
# Installs this unpacked agent-launch for the current user: links bin/launch into ~/.local/bin
# (after asking, unless --yes) and prepares the start-up archive for the Java found now, so the
# first launch is as fast as every later one. It never edits a shell start-up file: when
# ~/.local/bin is not on PATH it says so and prints the line to add.
#
#   sh install.sh            asks before linking
#   sh install.sh --yes      for scripts: links without asking
#   sh install.sh --help
set -u

usage() {
  echo "usage: sh install.sh [--yes] [--bin-dir DIR]"
  echo "Links this distribution's bin/launch into DIR (default ~/.local/bin) after asking; --yes links without asking."
  echo "Never edits your shell start-up files."
}

yes=
bin_dir=${HOME:+$HOME/.local/bin}
while [ $# -gt 0 ]; do
  case $1 in
    -y|--yes) yes=1 ;;
    --bin-dir) [ $# -ge 2 ] || { echo "install.sh: error: --bin-dir needs a directory" >&2; exit 2; }; bin_dir=$2; shift ;;
    --bin-dir=*) bin_dir=${1#--bin-dir=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: error: unknown argument '$1'; see 'sh install.sh --help'" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$bin_dir" ]; then
  echo "install.sh: error: HOME is not set; pass --bin-dir DIR" >&2
  exit 2
fi

here=$0
case $here in */*) ;; *) here=./$here ;; esac
dist=$(cd -- "${here%/*}" && pwd -P) || exit 1
launch=$dist/bin/launch
if [ ! -x "$launch" ]; then
  echo "install.sh: error: $launch is missing: run install.sh from an unpacked agent-launch distribution" >&2
  exit 3
fi
target=$bin_dir/launch

if [ -z "$yes" ]; then
  if [ ! -t 0 ]; then
    echo "install.sh: error: not a terminal, so nothing to ask: pass --yes to link $target -> $launch" >&2
    exit 2
  fi
  printf 'Link %s -> %s? [Y/n] ' "$target" "$launch"
  read -r answer || answer=n
  case $answer in
    ''|y|Y|yes|YES) ;;
    *) echo "Nothing changed."; exit 0 ;;
  esac
fi

if [ -e "$target" ] && [ ! -h "$target" ]; then
  echo "install.sh: error: $target exists and is not a link: move it away, or pass --bin-dir DIR" >&2
  exit 3
fi
mkdir -p -- "$bin_dir" || exit 3
ln -sf -- "$launch" "$target" || exit 3
echo "Linked $target -> $launch"

# The first run would otherwise make the start-up archive in the background; making it now
# costs a few seconds here instead.
AGENT_LAUNCH_CDS_WAIT=1 "$launch" version >/dev/null 2>&1 || true

case ":${PATH:-}:" in
  *":$bin_dir:"*) echo "Try: launch --help" ;;
  *)
    echo "$bin_dir is not on your PATH. Add this line to your shell's start-up file (install.sh does not edit it):"
    echo "  export PATH=\"$bin_dir:\$PATH\""
    ;;
esac
