#!/usr/bin/env bash
# The Spark job in Spark's local mode: its report.json must equal `whosaid report --format
# json` over the same input in one process, byte for byte. The input is the JSON Lines files
# given, or the news corpora beside the repo (ggt-dev and polnear-dev).
# Installs PySpark from PyPI and a Java runtime from Debian when they are missing.
# Usage: examples/spark/test.sh /path/to/whosaid [INPUT.jsonl...]
set -euo pipefail
whosaid=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
shared=${WHOSAID_SHARED:-$here/../../../shared}
if ! command -v java >/dev/null; then
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >/dev/null
fi
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install -q pyspark
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 1 ]; then
  cat "${@:2}" > "$work/input.jsonl"
else
  cat "$shared/corpora/ggt-dev.jsonl" "$shared/corpora/polnear-dev.jsonl" > "$work/input.jsonl"
fi
started=$(date +%s)
# Four map tasks on two local cores, so that order across partitions is tested too.
PYSPARK_PYTHON=python3 SPARK_LOCAL_IP=127.0.0.1 \
  spark-submit --master 'local[2]' --conf spark.ui.enabled=false \
  "$here/whosaid_spark.py" "$work/input.jsonl" "$work/out" --whosaid "$whosaid" --partitions 4 \
  2> "$work/spark.log" || { tail -n 40 "$work/spark.log"; exit 1; }
echo "spark job: $(($(date +%s) - started))s"
"$whosaid" report --format json --jsonl "$work/input.jsonl" > "$work/single.json"
if cmp "$work/out/report.json" "$work/single.json"; then
  python3 - "$work/out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"spark report equals the single-process report: {r['articles']} articles, {r['quotes']} quotes,",
      f"top source {r['actors'][0]['name']} ({r['actors'][0]['quotes']} quotes)")
PY
  echo "annotation lines: $(cat "$work"/out/annotations/part-* | wc -l)"
else
  echo "FAILED: the Spark report differs from the single-process report"
  diff <(head -c 2000 "$work/out/report.json") <(head -c 2000 "$work/single.json") | head -20
  exit 1
fi
