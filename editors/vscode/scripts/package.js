// `npm run package`: a platform-specific extension with the whosaid server inside.
// Builds the release binary (or takes WHOSAID_BINARY), copies it to server/whosaid and runs
// `vsce package --target <platform>-<arch>`, writing whosaid-<target>.vsix. The extension
// runs server/whosaid when whosaid.serverPath is empty.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const repo = path.join(root, "..", "..");
const exe = process.platform === "win32" ? "whosaid.exe" : "whosaid";
// VS Code's target names: https://code.visualstudio.com/api/working-with-extensions/publishing-extension#platformspecific-extensions
const target = `${{ win32: "win32", darwin: "darwin", linux: "linux" }[process.platform] ?? process.platform}-${
  { x64: "x64", arm64: "arm64", arm: "armhf" }[process.arch] ?? process.arch
}`;

function run(cmd, args, cwd) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  execFileSync(cmd, args, { cwd, stdio: "inherit" });
}

let binary = process.env.WHOSAID_BINARY;
if (!binary) {
  run("cargo", ["build", "--release", "--locked"], repo);
  binary = path.join(repo, "target", "release", exe);
}
if (!fs.existsSync(binary)) {
  console.error(`package: no whosaid binary at ${binary}`);
  process.exit(1);
}
const bundled = path.join(root, "server", exe);
fs.mkdirSync(path.dirname(bundled), { recursive: true });
fs.copyFileSync(binary, bundled);
fs.chmodSync(bundled, 0o755);
// Debug information is for developers, not for a package: strip the copy where `strip` exists.
try {
  execFileSync("strip", [bundled], { stdio: "ignore" });
} catch {
  console.log("package: strip is not available; the server is packaged as built");
}
run("npx", ["tsc", "-p", "./"], root);
const out = `whosaid-${target}.vsix`;
run(
  "npx",
  ["vsce", "package", "--target", target, "--skip-license", "--allow-missing-repository", "-o", out],
  root,
);
console.log(`package: wrote ${out} with ${path.relative(root, bundled)}`);
