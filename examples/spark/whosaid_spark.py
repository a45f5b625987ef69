#!/usr/bin/env python3
"""whosaid over an archive on Apache Spark: annotate as a map stage, report as a reduce.

    spark-submit examples/spark/whosaid_spark.py INPUT OUTPUT_DIR [--whosaid PATH] [--partitions N]

INPUT is JSON Lines, one {"id", "text"} document a line (any path Spark reads: a local file,
hdfs://, s3a://). Each partition of lines is piped through `whosaid annotate --jsonl -`,
the binary shipped to the workers with the job, and the annotations are written to
OUTPUT_DIR/annotations/ (part files, in input order). The report is the reduce:
`whosaid report --annotations` over those lines, streamed back to the driver in input order,
written to OUTPUT_DIR/report/ (one part, any filesystem) and, for a local OUTPUT_DIR, to
OUTPUT_DIR/report.json: the same JSON, byte for byte, as `whosaid report --format json` over
the whole input in one process.
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession


def annotate_partition(lines):
    """Pipe one partition through the shipped binary, as RDD.pipe does, but finding the
    binary with SparkFiles: pipe's command runs in the worker's working directory, where a
    shipped file lands on YARN and Kubernetes but not in local mode."""
    exe = SparkFiles.get("whosaid")
    mode = os.stat(exe).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(exe, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    with tempfile.TemporaryFile() as batch:
        for line in lines:
            batch.write(line.encode("utf-8") + b"\n")
        batch.seek(0)
        # One thread per task: Spark already runs a task per core.
        done = subprocess.run([exe, "annotate", "--jsonl", "-", "-j", "1"], stdin=batch,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"whosaid annotate failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    for out in done.stdout.decode("utf-8").splitlines():
        yield out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output_dir")
    ap.add_argument("--whosaid", default=shutil.which("whosaid"),
                    help="the whosaid binary to ship to the workers (default: the one on PATH)")
    ap.add_argument("--partitions", type=int, default=None, help="at least this many map tasks")
    args = ap.parse_args()
    if not args.whosaid or not os.access(args.whosaid, os.X_OK):
        sys.exit(f"whosaid_spark: no whosaid binary at {args.whosaid!r}: pass --whosaid PATH")
    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.whosaid))
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    annotations = lines.filter(lambda l: l.strip()).mapPartitions(annotate_partition)
    annotations.persist(StorageLevel.MEMORY_AND_DISK)
    out = args.output_dir.rstrip("/")
    annotations.saveAsTextFile(out + "/annotations")
    # The reduce, on the driver: the annotations stream back in input order (partition by
    # partition) into `whosaid report --annotations -`, whatever filesystem holds them.
    with tempfile.TemporaryFile() as report:
        reduce = subprocess.Popen([args.whosaid, "report", "--format", "json", "--annotations", "-"],
                                  stdin=subprocess.PIPE, stdout=report)
        for line in annotations.toLocalIterator():
            reduce.stdin.write(line.encode("utf-8") + b"\n")
        reduce.stdin.close()
        if reduce.wait() != 0:
            sys.exit("whosaid_spark: whosaid report failed")
        report.seek(0)
        body = report.read()
    sc.parallelize([body.decode("utf-8").rstrip("\n")], 1).saveAsTextFile(out + "/report")
    if "://" not in out or out.startswith("file://"):
        local = out.removeprefix("file://")
        with open(os.path.join(local, "report.json"), "wb") as f:
            f.write(body)
    print(f"whosaid_spark: {annotations.getNumPartitions()} partitions, report in {out}/report.json")
    spark.stop()


if __name__ == "__main__":
    main()
