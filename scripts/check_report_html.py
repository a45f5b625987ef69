#!/usr/bin/env python3
"""The HTML sources report, checked in a real browser (Debian's Chromium, headless).

Writes the report of CORPUS as JSON and as HTML with the whosaid binary, opens the page in
Chromium, and checks from the DOM the browser built that every chart bar carries the number
the JSON report gives, and how long the page took to show (its own load-time measure). With
--screenshot PNG it also photographs the top of the page.
Usage: check_report_html.py WHOSAID CORPUS.jsonl [--screenshot PNG]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

whosaid, corpus = sys.argv[1], sys.argv[2]
shot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
work = tempfile.mkdtemp(prefix="whosaid-report-")
page = os.path.join(work, "report.html")
report = json.loads(subprocess.run(
    [whosaid, "report", "--format", "json", "--jsonl", corpus, "--html", page],
    check=True, capture_output=True, text=True).stdout)

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={os.path.join(work, 'chromium')}"]
dom = subprocess.run(CHROMIUM + ["--dump-dom", "file://" + page],
                     check=True, capture_output=True, text=True, timeout=120).stdout


class Bars(HTMLParser):
    """The bars of each chart, [(label, value)] by svg id; the body's data attributes."""

    def __init__(self):
        super().__init__()
        self.charts, self.chart, self.body = {}, None, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.chart = a.get("id")
            self.charts[self.chart] = []
        elif tag == "g" and "bar" in (a.get("class") or "") and self.chart:
            self.charts[self.chart].append((a["data-label"], a["data-value"]))
        elif tag == "body":
            self.body = a


parser = Bars()
parser.feed(dom)
failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok: " if ok else "FAILED: ") + what + (f" ({detail})" if detail and not ok else ""))
    failures += not ok


types = ["person", "organisation", "document", "anonymous", "vague", "group", "none"]
want = [(t, str(report["by_source_type"][t])) for t in types]
check(parser.charts.get("by-source-type") == want, "the source-type chart shows the report's counts",
      f"{parser.charts.get('by-source-type')} != {want}")
shares = [(t, f"{report['words_share_by_source_type'][t] * 100:.1f}%") for t in types]
check(parser.charts.get("words-share") == shares, "the word-share chart shows the report's shares")


def clip(s, n=24):
    return s if len(s) <= n else s[: n - 1] + "…"


top = [(clip(a["name"]), str(a["quotes"])) for a in report["actors"][:15]]
check(parser.charts.get("most-quoted") == top, "the most-quoted chart shows the top actors",
      f"{parser.charts.get('most-quoted')[:3]} != {top[:3]}")
rows = len(re.findall(r"<tr>", dom.split('id="per-article"', 1)[-1]))
check(rows == report["articles"] + 1, f"the per-article table has a row per article ({rows - 1})")
ms = parser.body.get("data-rendered-ms")
check(ms is not None, "the page measured its own load")
print(f"{report['articles']} articles, {os.path.getsize(page)} bytes of HTML, shown in {ms} ms "
      "(navigation start to load, in headless Chromium)")
if shot:
    subprocess.run(CHROMIUM + ["--hide-scrollbars", "--window-size=1200,900",
                               f"--screenshot={shot}", "file://" + page],
                   check=True, capture_output=True, timeout=120)
    print("screenshot:", shot)
print("all checks passed" if not failures else f"{failures} checks FAILED")
sys.exit(1 if failures else 0)
