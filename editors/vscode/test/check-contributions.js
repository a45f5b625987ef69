// Checks the extension without VS Code (which cannot be installed here):
// 1. package.json contributes every setting of editors/settings.json as whosaid.<name>;
// 2. the compiled out/extension.js, loaded with a stub `vscode` module, starts the
//    language client with the right command, settings and configuration section,
//    and names the path and the setting when the server cannot be found.
// Usage: node test/check-contributions.js /path/to/whosaid
"use strict";
const assert = require("assert");
const fs = require("fs");
const Module = require("module");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const pkg = require(path.join(root, "package.json"));
const canon = require(path.join(root, "..", "settings.json"));
const serverBinary = process.argv[2];
assert.ok(serverBinary, "usage: node test/check-contributions.js /path/to/whosaid");

function checkContributions() {
  const props = pkg.contributes.configuration.properties;
  const jsonType = (t) => (t === "integer" ? ["integer", "number"] : [t]);
  for (const [name, spec] of Object.entries({ ...canon.server, ...canon.client })) {
    const prop = props[`whosaid.${name}`];
    assert.ok(prop, `package.json does not contribute whosaid.${name}`);
    assert.ok(jsonType(spec.type).includes(prop.type), `whosaid.${name}: type ${prop.type}, want ${spec.type}`);
    if (name !== "serverPath") {
      assert.deepStrictEqual(prop.default, spec.default, `whosaid.${name}: wrong default`);
    }
    if (spec.enum) {
      assert.deepStrictEqual(prop.enum, spec.enum, `whosaid.${name}: wrong enum`);
    }
  }
  const extra = Object.keys(props).filter(
    (k) => !(k.slice("whosaid.".length) in { ...canon.server, ...canon.client }),
  );
  assert.deepStrictEqual(extra, [], "package.json contributes settings the server does not know");
  assert.deepStrictEqual(
    Object.keys(props["whosaid.severity"].properties).sort(),
    [...canon.findingCodes].sort(),
    "whosaid.severity must list every finding code",
  );
  for (const lang of ["plaintext", "markdown"]) {
    assert.ok(pkg.activationEvents.includes(`onLanguage:${lang}`), `no activation on ${lang}`);
  }
  assert.strictEqual(pkg.main, "./out/extension.js");
}

// A minimal stand-in for the parts of the vscode API the extension touches.
function makeVscodeStub(settings) {
  const messages = { error: [], output: [] };
  const vscode = {
    window: {
      createOutputChannel: (name) => ({
        name,
        appendLine: (line) => messages.output.push(line),
        dispose() {},
      }),
      showErrorMessage: (msg) => {
        messages.error.push(msg);
        return Promise.resolve(undefined);
      },
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section) => {
        assert.strictEqual(section, "whosaid");
        return { get: (key) => settings[key] };
      },
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: { executeCommand: () => Promise.resolve() },
  };
  return { vscode, messages };
}

function loadExtension(vscodeStub, started, { failStart = false } = {}) {
  class FakeLanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      started.push({ id, name, serverOptions, clientOptions });
    }
    start() {
      return failStart ? Promise.reject(new Error("spawn EACCES")) : Promise.resolve();
    }
    stop() {
      return Promise.resolve();
    }
  }
  const fakes = {
    vscode: vscodeStub,
    "vscode-languageclient/node": { LanguageClient: FakeLanguageClient, TransportKind: { stdio: 0 } },
  };
  const realLoad = Module._load;
  Module._load = function (request, ...rest) {
    return request in fakes ? fakes[request] : realLoad.call(this, request, ...rest);
  };
  const file = path.join(root, "out", "extension.js");
  delete require.cache[require.resolve(file)];
  try {
    return require(file);
  } finally {
    Module._load = realLoad;
  }
}

// An extension folder, with the server inside it or not.
function extensionContext(withServer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "whosaid-ext-"));
  if (withServer) {
    fs.mkdirSync(path.join(dir, "server"));
    fs.copyFileSync(serverBinary, path.join(dir, "server", "whosaid"));
    fs.chmodSync(path.join(dir, "server", "whosaid"), 0o755);
  }
  return { dir, subscriptions: [], asAbsolutePath: (rel) => path.join(dir, rel) };
}

const defaults = () =>
  Object.fromEntries(Object.entries(canon.server).map(([k, v]) => [k, structuredClone(v.default)]));

async function checkStartsServer() {
  const settings = { ...defaults(), serverPath: serverBinary, mode: "news", cueVerbs: ["quipped"] };
  const { vscode, messages } = makeVscodeStub(settings);
  const started = [];
  const ext = loadExtension(vscode, started);
  await ext.activate(extensionContext(false));
  assert.deepStrictEqual(messages.error, [], "unexpected error message");
  assert.strictEqual(started.length, 1, "the language client was not started");
  const { id, serverOptions, clientOptions } = started[0];
  assert.strictEqual(id, "whosaid");
  assert.strictEqual(serverOptions.command, serverBinary);
  assert.strictEqual(clientOptions.synchronize.configurationSection, "whosaid");
  assert.strictEqual(clientOptions.outputChannel.name, "whosaid");
  const sent = clientOptions.initializationOptions;
  assert.deepStrictEqual(Object.keys(sent).sort(), Object.keys(canon.server).sort());
  assert.strictEqual(sent.mode, "news");
  assert.deepStrictEqual(sent.cueVerbs, ["quipped"]);
  assert.ok(!("serverPath" in sent), "serverPath is client-only and must not be sent");
  const languages = clientOptions.documentSelector.map((s) => s.language);
  assert.ok(languages.includes("plaintext") && languages.includes("markdown"));
  await ext.deactivate();
}

async function checkMissingServerIsReported() {
  const missing = path.join(os.tmpdir(), "no-such-dir", "whosaid");
  const { vscode, messages } = makeVscodeStub({ ...defaults(), serverPath: missing });
  const started = [];
  const ext = loadExtension(vscode, started);
  await ext.activate(extensionContext(false));
  assert.strictEqual(started.length, 0, "must not start a client without a server");
  assert.strictEqual(messages.error.length, 1, "no error message for a missing server");
  assert.ok(messages.error[0].includes(missing), `error does not name the path: ${messages.error[0]}`);
  assert.ok(messages.error[0].includes("whosaid.serverPath"), "error does not name the setting");
}

// With serverPath empty and nothing on PATH, the server shipped in the extension runs.
async function checkBundledServerIsUsed() {
  const { vscode, messages } = makeVscodeStub({ ...defaults(), serverPath: "" });
  const started = [];
  const ext = loadExtension(vscode, started);
  const context = extensionContext(true);
  const savedPath = process.env.PATH;
  process.env.PATH = "";
  try {
    await ext.activate(context);
  } finally {
    process.env.PATH = savedPath;
  }
  assert.deepStrictEqual(messages.error, [], "unexpected error message");
  assert.strictEqual(started.length, 1, "the language client was not started");
  assert.strictEqual(started[0].serverOptions.command, path.join(context.dir, "server", "whosaid"));
  await ext.deactivate();

  // Neither inside nor on PATH: the message says where it looked and what to install.
  const missing = makeVscodeStub({ ...defaults(), serverPath: "" });
  const none = [];
  const bare = loadExtension(missing.vscode, none);
  process.env.PATH = "";
  try {
    await bare.activate(extensionContext(false));
  } finally {
    process.env.PATH = savedPath;
  }
  assert.strictEqual(none.length, 0);
  assert.ok(missing.messages.error[0].includes("inside the extension"), missing.messages.error[0]);
  assert.ok(missing.messages.error[0].includes("whosaid-linux-x64.vsix"), missing.messages.error[0]);
}

// A binary that does not start (another platform's, damaged) gets a notification, not silence.
async function checkBrokenServerIsReported() {
  const { vscode, messages } = makeVscodeStub({ ...defaults(), serverPath: serverBinary });
  const ext = loadExtension(vscode, [], { failStart: true });
  await ext.activate(extensionContext(false));
  assert.strictEqual(messages.error.length, 1, "no error message for a server that did not start");
  assert.ok(messages.error[0].includes("did not start"), messages.error[0]);
  assert.ok(messages.error[0].includes("spawn EACCES"), messages.error[0]);
}

(async () => {
  assert.ok(fs.existsSync(serverBinary), `no server binary at ${serverBinary}`);
  checkContributions();
  await checkStartsServer();
  await checkMissingServerIsReported();
  await checkBundledServerIsUsed();
  await checkBrokenServerIsReported();
  console.log("vscode: contributions and activation OK");
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
