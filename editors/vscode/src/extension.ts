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
  "languages",
] as const;

// Changing these needs a new client, not just a configuration push.
const RESTART_SETTINGS = ["whosaid.serverPath", "whosaid.languages"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("whosaid");
  context.subscriptions.push(output);
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
  const command = configured ? resolveConfigured(configured) : findOnPath("whosaid");
  if (!command) {
    const where = configured ? `at "${configured}"` : `on PATH (${process.env.PATH ?? ""})`;
    const message =
      `whosaid: cannot find the language server ${where}. ` +
      `Install it with "cargo install --path ." from the whosaid repository, ` +
      `or set "whosaid.serverPath" to the binary.`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "whosaid.serverPath");
      }
    });
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
  await client.start();
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
