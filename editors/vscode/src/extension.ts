// Thin client: find the whosaid binary, start it over stdio, pass the settings.
// All attribution logic lives in the server.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

// The settings the server reads; serverPath is client-only and never sent.
const SERVER_SETTINGS = [
  "mode",
  "severity",
  "cueVerbs",
  "vaguePhrases",
  "ignore",
  "minQuoteWords",
  "inlayHints",
  "codeLens",
  "languages",
] as const;

// Changing these needs a new client, not just a configuration push.
const RESTART_SETTINGS = ["whosaid.serverPath", "whosaid.languages"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
// The server shipped inside a platform-specific package (`npm run package`), if any.
let bundledServer: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("whosaid");
  context.subscriptions.push(output);
  const exe = process.platform === "win32" ? "whosaid.exe" : "whosaid";
  bundledServer = context.asAbsolutePath(path.join("server", exe));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (RESTART_SETTINGS.some((s) => event.affectsConfiguration(s))) {
        await stopClient();
        await startClient();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration("whosaid");
  const configured = (config.get<string>("serverPath") ?? "").trim();
  const bundled = bundledServer && isExecutable(bundledServer) ? bundledServer : undefined;
  const command = configured
    ? resolveConfigured(configured)
    : (bundled ?? findOnPath("whosaid"));
  if (!command) {
    const where = configured
      ? `at "${configured}"`
      : `inside the extension (${bundledServer ?? "server/whosaid"}) or on PATH (${process.env.PATH ?? ""})`;
    report(
      `whosaid: cannot find the language server ${where}. ` +
        `Install the extension for your platform (whosaid-linux-x64.vsix and the like, which ` +
        `include the server), or "cargo install --path ." from the whosaid repository, ` +
        `or set "whosaid.serverPath" to the binary.`,
    );
    return;
  }

  const serverOptions: ServerOptions = { command, transport: TransportKind.stdio };
  const languages = config.get<string[]>("languages") ?? ["plaintext", "markdown"];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: serverSettings(config),
    synchronize: { configurationSection: "whosaid" },
    outputChannel: output,
  };
  output?.appendLine(`whosaid: starting ${command}`);
  client = new LanguageClient("whosaid", "whosaid", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    report(
      `whosaid: the language server ${command} did not start (${String(err)}). ` +
        `It may be built for another platform or damaged: reinstall the extension for your ` +
        `platform, or set "whosaid.serverPath" to a working binary.`,
    );
  }
}

// An error the user must act on: in the output channel and as a notification.
function report(message: string): void {
  output?.appendLine(message);
  void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
    if (choice) {
      void vscode.commands.executeCommand("workbench.action.openSettings", "whosaid.serverPath");
    }
  });
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

function serverSettings(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const name of SERVER_SETTINGS) {
    settings[name] = config.get(name);
  }
  return settings;
}

// A configured path may be relative to the first workspace folder, or start with ~.
function resolveConfigured(configured: string): string | undefined {
  let candidate = configured.replace(/^~(?=$|\/|\\)/, process.env.HOME ?? "~");
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!path.isAbsolute(candidate) && folder) {
    candidate = path.join(folder.uri.fsPath, candidate);
  }
  return isExecutable(candidate) ? candidate : undefined;
}

function findOnPath(name: string): string | undefined {
  const suffixes = process.platform === "win32" ? [".exe", ""] : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const suffix of suffixes) {
      const candidate = path.join(dir, name + suffix);
      if (dir && isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
