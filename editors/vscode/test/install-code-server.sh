#!/usr/bin/env bash
# Installs VS Code (code-server 4.100.3 = VS Code 1.100.3, the last release on Node 20) and
# puppeteer-core into DIR, offline from the npm registry: code-server's install scripts
# download ripgrep and prebuilt modules from the internet, so they are skipped and the native
# modules rebuilt here instead. Needs Debian's libkrb5-dev (a native module) and ripgrep.
# Usage: install-code-server.sh DIR   (prints DIR/node_modules/.bin/code-server when done)
set -euo pipefail
dir=$1
version=4.100.3
bin=$dir/node_modules/.bin/code-server
mkdir -p "$dir"
cd "$dir"
if [ -x "$bin" ] && [ -f "$dir/.whosaid-installed-$version" ]; then
  echo "$bin"
  exit 0
fi
[ -f package.json ] || echo '{"name": "whosaid-vscode-test", "private": true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$version" puppeteer-core@24 >&2
vscode=$dir/node_modules/code-server/lib/vscode
(cd "$vscode" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
command -v node-gyp >/dev/null || npm install -g --no-audit --no-fund node-gyp >&2
(cd "$vscode" && npm rebuild >&2)
[ -e "$vscode/node_modules.asar" ] || ln -s node_modules "$vscode/node_modules.asar"
(cd "$vscode/extensions" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)
(cd "$dir" && npm rebuild argon2 >&2) # hoisted beside code-server
touch "$dir/.whosaid-installed-$version"
echo "$bin"
