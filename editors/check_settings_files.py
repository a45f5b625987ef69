#!/usr/bin/env python3
"""Checks the settings-file clients (Helix, Sublime Text, Kate) against settings.json.

Usage: check_settings_files.py helix|sublime|kate|readme
Each check parses the file as its editor would (TOML, JSON with comments, JSON),
then asserts the command, the languages it attaches to and that every server
setting is passed with its default. Exits 1 with the reasons on failure.
"""
import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANON = json.loads((HERE / "settings.json").read_text())
DEFAULTS = {name: spec["default"] for name, spec in CANON["server"].items()}

problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)


def expect_settings(settings, where):
    expect(isinstance(settings, dict), f"{where}: not an object")
    if isinstance(settings, dict):
        expect(settings == DEFAULTS, f"{where}: {settings!r} is not the defaults {DEFAULTS!r}")


def strip_json_comments(text):
    """Drop // line comments outside strings (Sublime settings allow them)."""
    out = []
    for line in text.splitlines():
        in_string = False
        escaped = False
        for i, ch in enumerate(line):
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = not in_string
            elif ch == "/" and not in_string and line[i : i + 2] == "//":
                line = line[:i]
                break
        out.append(line)
    return "\n".join(out)


def check_helix():
    config = tomllib.loads((HERE / "helix" / "languages.toml").read_text())
    server = config["language-server"]["whosaid"]
    expect(server.get("command") == "whosaid", f"helix: command is {server.get('command')!r}")
    expect_settings(server.get("config"), "helix: [language-server.whosaid.config]")
    languages = {lang["name"]: lang for lang in config.get("language", [])}
    text = languages.get("text", {})
    expect(text.get("language-id") == "plaintext", "helix: text must send language-id plaintext")
    expect("txt" in text.get("file-types", []), "helix: text must cover .txt files")
    expect(text.get("scope") == "text.plain", "helix: text needs scope text.plain")
    markdown = languages.get("markdown", {})
    for name, lang in (("text", text), ("markdown", markdown)):
        expect("whosaid" in lang.get("language-servers", []), f"helix: {name} does not use whosaid")
    expect("marksman" in markdown.get("language-servers", []), "helix: markdown lost marksman")


def check_sublime():
    path = HERE / "sublime" / "LSP.sublime-settings"
    client = json.loads(strip_json_comments(path.read_text()))["clients"]["whosaid"]
    expect(client.get("enabled") is True, "sublime: client not enabled")
    expect(client.get("command") == ["whosaid"], f"sublime: command is {client.get('command')!r}")
    selectors = {s.strip() for s in client.get("selector", "").split("|")}
    expect(selectors == {"text.plain", "text.html.markdown"}, f"sublime: selector {selectors}")
    expect_settings(client.get("initializationOptions"), "sublime: initializationOptions")
    expect_settings(client.get("settings", {}).get("whosaid"), "sublime: settings.whosaid")


def check_kate():
    servers = json.loads((HERE / "kate" / "lspclient-settings.json").read_text())["servers"]
    markdown, plaintext = servers.get("markdown", {}), servers.get("plaintext", {})
    expect(markdown.get("command") == ["whosaid"], f"kate: command is {markdown.get('command')!r}")
    expect(re.search(markdown.get("highlightingModeRegex", "^$"), "Markdown"), "kate: Markdown mode")
    expect(plaintext.get("use") == "markdown", "kate: plaintext must reuse the markdown entry")
    expect(re.search(plaintext.get("highlightingModeRegex", "^$"), "None"), "kate: plain-text mode")
    expect_settings(markdown.get("initializationOptions"), "kate: initializationOptions")
    expect_settings(markdown.get("settings", {}).get("whosaid"), "kate: settings.whosaid")


def check_readme():
    """Every setting is documented once, in editors/README.md's table."""
    readme = (HERE / "README.md").read_text()
    for name in [*CANON["server"], *CANON["client"]]:
        expect(re.search(rf"^\| `{name}` \|", readme, re.M), f"README: no table row for {name}")
    for code in CANON["findingCodes"]:
        expect(f"`{code}`" in readme, f"README: finding code {code} not documented")


CHECKS = {"helix": check_helix, "sublime": check_sublime, "kate": check_kate, "readme": check_readme}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CHECKS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(CHECKS)}")
    try:
        CHECKS[sys.argv[1]]()
    except (KeyError, ValueError, tomllib.TOMLDecodeError) as err:
        problems.append(f"cannot read the file: {err!r}")
    if problems:
        print("; ".join(problems))
        sys.exit(1)
    print(f"{sys.argv[1]}: ok")
