// The extension in a real VS Code: code-server in a headless Chromium, driven like a person
// would drive it (quick open, Go to Line, the command palette, the Problems panel).
//
// Usage: node code-server.js CODE_SERVER VSIX
// Env: WHOSAID_SEED, WHOSAID_FINDINGS (documents), PUPPETEER (puppeteer-core's folder),
//      WHOSAID_SCREENSHOTS (where to write PNGs; a temporary folder when unset).
// Prints each check as ok/FAILED and what VS Code showed; exits 1 on any failure.
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const net = require("net");
const os = require("os");
const path = require("path");

const [codeServer, vsix] = process.argv.slice(2);
if (!codeServer || !vsix) {
  console.error("usage: node code-server.js CODE_SERVER VSIX");
  process.exit(2);
}
const puppeteer = require(process.env.PUPPETEER || "puppeteer-core");
const TIMEOUT = 60_000;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "whosaid-code-server-"));
const shots = process.env.WHOSAID_SCREENSHOTS || path.join(root, "screenshots");
fs.mkdirSync(shots, { recursive: true });
const dirs = { data: path.join(root, "data"), ext: path.join(root, "extensions"), ws: path.join(root, "ws") };
Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
fs.copyFileSync(process.env.WHOSAID_SEED, path.join(dirs.ws, "seed.txt"));
fs.copyFileSync(process.env.WHOSAID_FINDINGS, path.join(dirs.ws, "findings.md"));
const settingsFile = path.join(dirs.data, "User", "settings.json");
const baseSettings = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "editor.wordWrap": "on",
  "editor.minimap.enabled": false,
  "editor.hover.delay": 300,
  "window.commandCenter": false,
  "chat.commandCenter.enabled": false,
  // The test types settings.json as a person would; nothing may be typed for it.
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoIndent": "none",
  "editor.formatOnType": false,
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "editor.suggestOnTriggerCharacters": false,
  "editor.acceptSuggestionOnEnter": "off",
};
function writeSettings(extra) {
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ ...baseSettings, ...extra }, null, 2));
}

let failures = 0;
function check(ok, what, detail) {
  console.log(`${ok ? "ok" : "FAILED"}: ${what}${detail && !ok ? ` (${detail})` : ""}`);
  if (!ok) failures++;
  return ok;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, probe, timeout = TIMEOUT) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await probe();
    if (last) return last;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// PATH without any whosaid on it: the extension must use the server inside the package.
function pathWithoutWhosaid() {
  return (process.env.PATH || "")
    .split(path.delimiter)
    .filter((d) => d && !fs.existsSync(path.join(d, "whosaid")))
    .join(path.delimiter);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function answers(url) {
  return new Promise((resolve) => {
    http.get(url, (res) => resolve(res.statusCode < 500)).on("error", () => resolve(false));
  });
}

async function main() {
  writeSettings({});
  const env = { ...process.env, PATH: pathWithoutWhosaid() };
  const common = ["--user-data-dir", dirs.data, "--extensions-dir", dirs.ext, "--config", path.join(root, "config.yaml")];
  const install = spawnSync(codeServer, [...common, "--install-extension", vsix], { env, encoding: "utf8" });
  if (!check(install.status === 0, "code-server installs " + path.basename(vsix), install.stderr || install.stdout)) return;
  const version = spawnSync(codeServer, ["--version"], { env, encoding: "utf8" }).stdout.trim();
  console.log("code-server", version);

  const port = await freePort();
  const server = spawn(
    codeServer,
    [...common, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry",
      "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", dirs.ws],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let serverLog = "";
  server.stdout.on("data", (d) => (serverLog += d));
  server.stderr.on("data", (d) => (serverLog += d));
  const base = `http://127.0.0.1:${port}/`;
  let browser;
  try {
    await until("code-server to answer", () => answers(base));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        `--user-data-dir=${path.join(root, "chromium")}`, "--window-size=1280,800"],
      defaultViewport: { width: 1280, height: 800 },
    });
    const page = await browser.newPage();
    try {
      await drive(page, base);
    } catch (e) {
      await page.screenshot({ path: path.join(shots, "vscode-failure.png") }).catch(() => {});
      console.log("screenshot of the failure:", path.join(shots, "vscode-failure.png"));
      throw e;
    }
  } finally {
    if (browser) await browser.close();
    server.kill();
    if (failures) console.log("code-server log:\n" + serverLog.split("\n").slice(-30).join("\n"));
  }
}

async function drive(page, base) {
  const started = Date.now();
  await page.goto(`${base}?folder=${encodeURIComponent(dirs.ws)}`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".monaco-workbench", { timeout: TIMEOUT });
  await until("the explorer", () => page.$(".explorer-folders-view .monaco-list-row"));
  const press = async (...keys) => {
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(keys[keys.length - 1]);
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
  };
  // Types into the quick input and, once a row shows `pick` (when given), takes the first row.
  const quickInput = async (keys, text, pick) => {
    await press(...keys);
    await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: TIMEOUT });
    await page.keyboard.type(text);
    if (pick) {
      await until(`“${pick}” in the quick input`, async () => {
        const rows = await page.$$eval(".quick-input-list .monaco-list-row", (els) => els.map((e) => e.innerText));
        return rows.length > 0 && rows[0].includes(pick);
      });
    } else {
      await sleep(400);
    }
    await page.keyboard.press("Enter");
    await page.waitForSelector(".quick-input-widget", { hidden: true, timeout: TIMEOUT });
  };
  const command = (name) => quickInput(["F1"], name, name);
  const open = async (file) => {
    await quickInput(["Control", "KeyP"], file, file);
    await until(`${file} in the editor`, () =>
      page.$eval(".tab.active", (t) => t.textContent).then((t) => t.includes(file), () => false));
  };
  const goTo = async (line, col) => {
    await quickInput(["Control", "KeyG"], `${line}:${col}`);
  };
  // What the page shows; Monaco draws spaces as no-break spaces.
  const text = (selector) =>
    page.$$eval(selector, (els) => els.map((e) => e.innerText.replace(/\u00a0/g, " ")));
  // The rows of a virtual list (only the visible ones are in the page), read by scrolling
  // through it with the mouse wheel: [level, text] in order.
  const listRows = async (selector) => {
    const seen = new Map();
    const list = await page.$(`${selector} .monaco-list`);
    const box = list && (await list.boundingBox());
    if (!box) return [];
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // To the top first (the outline may have scrolled to follow the cursor).
    for (let tries = 0; tries < 20; tries++) {
      await page.mouse.wheel({ deltaY: -10000 });
      await sleep(200);
      if (await page.$(`${selector} .monaco-list-row[data-index="0"]`)) break;
    }
    for (let step = 0; step < 40; step++) {
      const rows = await page.$$eval(`${selector} .monaco-list-row`, (els) =>
        els.map((e) => [Number(e.dataset.index), Number(e.getAttribute("aria-level") || 1), e.innerText]));
      const before = seen.size;
      rows.forEach(([i, level, t]) => seen.set(i, [level, t.replace(/\s+/g, " ").trim()]));
      if (step > 0 && seen.size === before) break;
      await page.mouse.wheel({ deltaY: box.height / 2 });
      await sleep(150);
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  };
  // A settings change made in VS Code itself: settings.json typed and saved.
  const setSettings = async (extra) => {
    await command("Preferences: Open User Settings (JSON)");
    await until("settings.json in the editor", () =>
      page.$eval(".tab.active", (t) => t.textContent).then((t) => t.includes("settings.json"), () => false));
    // The keys must reach the editor, not a panel that kept the focus (the Problems filter).
    await until("the focus in settings.json", async () => {
      await page.click(".editor-group-container.active .monaco-editor .view-lines").catch(() => {});
      return page.evaluate(() => {
        const editor = document.activeElement && document.activeElement.closest(".monaco-editor");
        return !!editor && !!editor.closest(".editor-group-container.active");
      });
    });
    await press("Control", "KeyA");
    await page.keyboard.press("Delete");
    const wanted = { ...baseSettings, ...extra };
    await page.keyboard.type(JSON.stringify(wanted));
    await press("Control", "KeyS");
    const saved = await until("settings.json saved", async () => {
      try {
        const now = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
        return JSON.stringify(now) === JSON.stringify(wanted) && now;
      } catch {
        return false;
      }
    }).catch(() => null);
    check(saved !== null, "settings.json typed in VS Code and saved: " + JSON.stringify(extra));
    await press("Control", "KeyW");
  };
  const shot = async (name) => {
    const file = path.join(shots, name);
    await page.screenshot({ path: file });
    console.log("screenshot:", file);
  };

  // The hover at a line and column (1-based) once `ready` accepts it; "" if it never does.
  const hoverAt = (line, column, ready, timeout = TIMEOUT) =>
    until(`a hover at ${line}:${column}`, async () => {
      await goTo(line, column);
      await command("Show or Focus Hover");
      await sleep(700);
      const shown = (await text(".monaco-hover:not(.hidden) .hover-contents")).join("\n");
      if (ready(shown)) return shown || " ";
      await page.keyboard.press("Escape");
      return false;
    }, timeout).catch(() => "");

  // 1. The seed article: the hover on quote 3 names Pat Ryder and the cue.
  await open("seed.txt");
  const seed = fs.readFileSync(path.join(dirs.ws, "seed.txt"), "utf8").split("\n");
  const row = seed.findIndex((l) => l.includes("reinforced the unquestionable necessity"));
  const col = seed[row].indexOf("reinforced") + 4;
  const hover = await hoverAt(row + 1, col, (h) => h.includes("Pat Ryder"), 90_000);
  console.log("hover on quote 3:\n  " + hover.split("\n").filter(Boolean).join("\n  "));
  check(hover.includes("Pat Ryder"), "hover on quote 3 names Pat Ryder");
  check(/noted/.test(hover), "hover on quote 3 gives the cue “noted”", hover);
  await shot("vscode-hover.png");
  await page.keyboard.press("Escape");
  // In news a quote can be the reported clause around its quoted words: "the two discussed
  // “the need to increase …”" is Pat Ryder's, "discussed" included.
  const first = seed.findIndex((l) => l.includes("the two discussed"));
  const discussed = seed[first].indexOf("discussed") + 3;
  const clause = await hoverAt(first + 1, discussed, (h) => h.includes("Pat Ryder"));
  check(clause.includes("Pat Ryder"), "in news, the hover on the reported clause (“discussed”) names Pat Ryder");
  await page.keyboard.press("Escape");
  console.log(`first hover after ${((Date.now() - started) / 1000).toFixed(1)}s`);

  // The sources lens at the top of the article, and its command's breakdown.
  await goTo(1, 1);
  const lens = await until("the sources lens", async () => {
    const shown = (await text(".codelens-decoration")).join(" | ");
    return shown.includes("Sources:") && shown;
  }).catch(() => "");
  console.log("code lens:", JSON.stringify(lens));
  check(lens.includes("Sources: 4 people, 2 documents"), "the code lens sums up the sources");
  const link = await page.$(".codelens-decoration a");
  if (link) {
    await link.click();
    const toast = await until("the sources breakdown", async () => {
      const shown = (await text(".notifications-toasts .notification-list-item-message")).join(" | ");
      return shown.includes("Pat Ryder") && shown;
    }).catch(() => "");
    console.log("after a click on the lens:", JSON.stringify(toast.slice(0, 160)));
    check(toast.includes("Pat Ryder (3 quotes)"), "the lens's command shows who is quoted how often");
    await shot("vscode-sources-lens.png");
    await command("Notifications: Clear All Notifications");
  }

  // 2. The Outline view lists the actors with their quotes under them.
  await command("Explorer: Focus on Outline View");
  const wanted = ["Pat Ryder", "Lloyd Austin", "Yoav Gallant", "Matthew Miller", "Antony Blinken"];
  let outline = [];
  await until("the outline", async () => {
    outline = await listRows(".outline-pane");
    return wanted.every((n) => outline.some(([, r]) => r.includes(n)));
  }).catch(() => {});
  console.log("outline:\n  " + outline.map(([l, r]) => "  ".repeat(l - 1) + r).join("\n  "));
  for (const name of wanted) check(outline.some(([l, r]) => l === 1 && r.startsWith(name)), `the outline lists ${name}`);
  const ryder = outline.findIndex(([l, r]) => l === 1 && r.startsWith("Pat Ryder"));
  const under = [];
  for (let i = ryder + 1; ryder >= 0 && i < outline.length && outline[i][0] > 1; i++) under.push(outline[i][1]);
  check(under.some((r) => r.includes("Secretary Austin discussed")), "Pat Ryder's quotes are under him", under.join(" | "));
  // The picture: the folders folded away so that the outline has the side bar, from the top.
  await page.click(".explorer-folders-view").catch(() => {});
  const folders = await page.$(".pane-header[aria-label*='Folders' i], .split-view-view:first-child > .pane > .pane-header");
  if (folders) await folders.click();
  await sleep(500);
  await listRows(".outline-pane");
  await page.mouse.wheel({ deltaY: -10000 });
  await page.mouse.move(24, 600); // off the rows, so that no tooltip covers them
  await sleep(800);
  await shot("vscode-outline.png");
  if (folders) await folders.click();

  // 3. A document with findings: the Problems panel and a quick fix.
  await open("findings.md");
  await command("View: Focus Problems (Errors, Warnings, Infos)");
  const problems = () => text(".markers-panel .monaco-list-row");
  const found = await until("problems for findings.md", async () => {
    const rows = await problems();
    return rows.some((r) => r.includes("Quote has no speaker")) && rows.some((r) => r.includes("Vague source")) && rows;
  }).catch(problems);
  console.log("problems:", found.map((r) => r.replace(/\s+/g, " ")).join(" | "));
  check(found.some((r) => r.includes("Quote has no speaker: say who said it")), "Problems shows the unattributed quote");
  check(found.some((r) => r.includes("Vague source “Critics”")), "Problems shows the vague source");
  await shot("vscode-problems.png");

  // Setting a severity to off takes effect without a restart.
  await setSettings({ "whosaid.severity": { "vague-source": "off" } });
  await command("View: Focus Problems (Errors, Warnings, Infos)");
  const afterSetting = await until("the vague source to go", async () => {
    const rows = await problems();
    return !rows.some((r) => r.includes("Vague source")) && rows.some((r) => r.includes("Quote has no speaker")) && rows;
  }).catch(problems);
  check(!afterSetting.some((r) => r.includes("Vague source")), "whosaid.severity off hides the vague source at once", afterSetting.join(" | "));
  // whosaid.mode too: read as fiction, a news article's reported clauses are not quotes.

  // The quick fix on the unattributed quote edits the text.
  await open("findings.md");
  await goTo(1, 3);
  await press("Control", "Period");
  const fixes = await until("quick fixes", async () => {
    const items = await text(".action-widget .monaco-list-row");
    return items.length > 0 && items;
  }).catch(() => []);
  console.log("quick fixes:", fixes.join(" | "));
  const fix = fixes.findIndex((f) => f.includes("Mark as intentionally unattributed"));
  if (check(fix >= 0, "the unattributed quote offers “Mark as intentionally unattributed”")) {
    const items = await page.$$(".action-widget .monaco-list-row");
    await items[fix].click();
    const lines = await until("the marker in the text", async () => {
      const shown = (await text(".monaco-editor .view-lines")).join("\n");
      return shown.includes("whosaid: ignore") && shown;
    }).catch(() => "");
    console.log("findings.md after the fix:", JSON.stringify(lines.slice(0, 80)));
    check(lines.includes("<!-- whosaid: ignore -->"), "the quick fix wrote the ignore marker");
    const cleared = await until("the warning to go", async () => {
      const rows = await problems();
      return !rows.some((r) => r.includes("Quote has no speaker")) && rows;
    }).catch(problems);
    check(!cleared.some((r) => r.includes("Quote has no speaker")), "the warning is gone after the fix", cleared.join(" | "));
  }

  await setSettings({ "whosaid.severity": { "vague-source": "off" }, "whosaid.mode": "fiction" });
  // whosaid.mode: fiction takes effect on the open seed without a restart: dialogue has no
  // reported speech, so "discussed" is outside any quote, while the quoted words still hover.
  await open("seed.txt");
  const outside = await hoverAt(first + 1, discussed, (h) => !h.includes("Pat Ryder"));
  const inside = await hoverAt(row + 1, col, (h) => h.includes("Pat Ryder"));
  console.log("with whosaid.mode fiction, hover on “discussed”:", JSON.stringify(outside.trim()), "on “reinforced”:", JSON.stringify(inside.split("\n")[0]));
  check(outside !== "" && !outside.includes("Pat Ryder") && inside.includes("Pat Ryder"),
    "whosaid.mode fiction takes effect without a restart (the reported clause is no quote)");
  console.log(`editor part took ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main()
  .catch((e) => {
    check(false, "the run", e.message);
  })
  .finally(() => {
    console.log(failures ? `${failures} checks FAILED` : "all checks passed");
    process.exit(failures ? 1 : 0);
  });
