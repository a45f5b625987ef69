#!/usr/bin/env python3
"""Pictures of Neovim with the whosaid plugin: the hover, the outline, the diagnostics.

Neovim runs in a real terminal (tmux, 110x34); each screen is read back with its colours
(`tmux capture-pane -e`), turned into HTML (ansi2html) and photographed by headless
Chromium. The script also checks what each screen shows, so a picture of a failure fails.
Usage: screenshots.py NVIM OUT_DIR   (env WHOSAID_SERVER, WHOSAID_SEED, WHOSAID_FINDINGS)
"""
import os
import subprocess
import sys
import tempfile
import time

from ansi2html import Ansi2HTMLConverter

NVIM, OUT = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
COLS, ROWS = 110, 34
SESSION = f"whosaid-shots-{os.getpid()}"
os.makedirs(OUT, exist_ok=True)
work = tempfile.mkdtemp(prefix="whosaid-nvim-shots-")
mark = os.path.join(work, "mark")
failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok: " if ok else "FAILED: ") + what + (f" ({detail})" if detail and not ok else ""))
    failures += not ok


def tmux(*args, **kw):
    return subprocess.run(["tmux", "-L", SESSION, *args], check=True, capture_output=True, text=True, **kw)


def wait_for(name, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(mark) and open(mark).read() == name:
            return True
        time.sleep(0.1)
    return False


def capture(name):
    """The screen as text (for the checks) and as a PNG (for people)."""
    plain = tmux("capture-pane", "-p", "-t", SESSION).stdout
    ansi = tmux("capture-pane", "-p", "-e", "-t", SESSION).stdout
    conv = Ansi2HTMLConverter(dark_bg=True, scheme="xterm", inline=True, line_wrap=False)
    body = conv.convert(ansi, full=False)
    html = os.path.join(work, name + ".html")
    with open(html, "w") as f:
        f.write("<!doctype html><meta charset=utf-8><style>body{margin:0;background:#14161b}"
                "pre{margin:0;padding:8px;font:15px/1.25 'DejaVu Sans Mono',monospace;color:#e0e2ea;"
                f"background:#14161b;white-space:pre}}</style><pre>{body}</pre>")
    png = os.path.join(OUT, name)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={os.path.join(work, 'chromium')}",
                    "--hide-scrollbars", f"--window-size={COLS * 9 + 16},{ROWS * 19 + 16}",
                    f"--screenshot={png}", "file://" + html],
                   check=True, capture_output=True, timeout=60)
    print("screenshot:", png)
    return plain


def step(function, name):
    os.remove(mark) if os.path.exists(mark) else None
    tmux("send-keys", "-t", SESSION, f":lua {function}()", "Enter")
    ok = wait_for(name)
    check(ok, f"Neovim showed the {name}")
    time.sleep(0.3)
    return capture(f"neovim-{name}.png")


env = dict(os.environ, WHOSAID_SHOT_MARK=mark, TERM="xterm-256color", COLORTERM="truecolor")
tmux("new-session", "-d", "-s", SESSION, "-x", str(COLS), "-y", str(ROWS),
     f"{NVIM} -u NONE -i NONE -c 'luafile {HERE}/screens.lua'", env=env)
try:
    tmux("set-option", "-t", SESSION, "default-terminal", "tmux-256color")
    check(wait_for("ready", 60), "the plugin attached the server")
    hover = step("WhosaidShotHover", "hover")
    print("hover screen:\n" + "\n".join("  " + l for l in hover.splitlines() if "Ryder" in l or "Cue" in l))
    check("Pat Ryder — Pentagon Press Secretary" in hover, "the hover names Pat Ryder and the role")
    check("Cue: “noted”" in hover, "the hover gives the cue")
    outline = step("WhosaidShotOutline", "outline")
    for name in ("Pat Ryder", "Lloyd Austin", "Yoav Gallant", "Matthew Miller"):
        check(name in outline, f"the outline lists {name}")
    diagnostics = step("WhosaidShotDiagnostics", "diagnostics")
    check("Quote has no speaker: say who said it" in diagnostics, "the unattributed quote is a diagnostic")
    check("Vague source “Critics”" in diagnostics, "the vague source is a diagnostic")
finally:
    subprocess.run(["tmux", "-L", SESSION, "kill-server"], capture_output=True)
print("all checks passed" if not failures else f"{failures} checks FAILED")
sys.exit(1 if failures else 0)
