#!/usr/bin/env python3
"""Every performance figure of issue 16 in one table: `make bench-report`.

Runs the criterion benchmarks (vault, evidence import), the whole-app bench (memory, launch,
unlock; release build, 10,000-incident vault) and the dossier baseline against headless
Chromium, then writes target/bench-report.md: the machine at the top (cores, load at start),
one row per figure — goal, value, baseline, ratio, met or not. Nothing is asserted: the figures
are read, not tested (these machines are shared and noisy; each ratio is measured against its
baseline in the same run). SKIP=app,baseline,criterion leaves parts out (their rows say so).
"""

import datetime
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
SKIP = set(filter(None, os.environ.get("SKIP", "").split(",")))
RUNS = os.environ.get("RUNS", "10")


def run(cmd, check=True, **kw):
    """Runs a command from the repository's root, its output echoed and returned (None if it
    failed and `check` is off)."""
    print("$", cmd, flush=True)
    out = subprocess.run(cmd, shell=True, cwd=ROOT, text=True, capture_output=True, **kw)
    sys.stdout.write(out.stdout)
    sys.stderr.write(out.stderr[-4000:])
    if out.returncode != 0 and not check:
        return None
    if out.returncode != 0:
        raise SystemExit(f"failed ({out.returncode}): {cmd}")
    return out.stdout


def criterion_median(group, name):
    """A criterion bench's median in seconds (target/criterion/<group>/<name>/new)."""
    clean = lambda s: re.sub(r"[^A-Za-z0-9_.-]", "_", s)
    path = os.path.join(TARGET, "criterion", clean(group), clean(name), "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 1e9
    except OSError:
        return None


def runs_of(text, label):
    """The runs and median of an app-bench line."""
    m = re.search(re.escape(label) + r"\s+median\s+(\d+).*runs: ([\d, ]+)", text)
    if not m:
        return None, []
    return float(m.group(1)), [float(x) for x in m.group(2).split(",")]


def p95(values):
    """The 95th percentile, nearest rank (over 10 runs: the largest but none)."""
    if not values:
        return None
    s = sorted(values)
    return s[max(0, -(-95 * len(s) // 100) - 1)]


def main():
    load = open("/proc/loadavg").read().split()[:3]
    machine = (
        f"{os.cpu_count()} cores, load {' '.join(load)} at start, "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit "
        + subprocess.run("git rev-parse --short HEAD", shell=True, cwd=ROOT, text=True,
                         capture_output=True).stdout.strip()
    )
    rows = []

    def row(figure, goal, value, baseline, ratio, met):
        rows.append((figure, goal, value, baseline, ratio, met))

    if "criterion" not in SKIP:
        run("cargo bench -q -p carnet-store --bench vault --bench evidence_import")
    for name, label in [("video_200mb", "a 200 MB video"), ("screenshots_100x600kb",
                        "100 screenshots"), ("small_1000x4kb", "1,000 files of 4 KB")]:
        sha = criterion_median(f"evidence_import/{name}", "sha256sum")
        # The files added together, as the app adds what the owner picks at once; one by one
        # in the next column.
        car = criterion_median(f"evidence_import/{name}", "carnet_seal_many")
        one = criterion_median(f"evidence_import/{name}", "carnet_seal")
        if sha and car:
            r = sha / car
            alone = f"; one by one {sha / one:.2f}" if one else ""
            row(f"evidence import, {label} (speed ÷ sha256sum's)", "≥ 0.8",
                f"{car * 1e3:.1f} ms", f"{sha * 1e3:.1f} ms (sha256sum)", f"{r:.2f}{alone}",
                r >= 0.8)
        else:
            row(f"evidence import, {label}", "≥ 0.8", "not run", "", "", None)
    for group, fast, slow, label in [
        ("inserts_10k_2kb", "plain_sqlite", "sqlcipher",
         "SQLCipher ÷ plain SQLite, 10k inserts of 2 KB"),
        ("inserts_10k_2kb", "plain_sqlite_4k", "sqlcipher_4k",
         "SQLCipher ÷ plain SQLite, 10k inserts, the 4 KiB pages of vaults made before"),
        ("evidence_1mb", "write/plain_sqlite_blob", "write/carnet_encrypted_file",
         "1 MB evidence as Carnet writes it (a sealed file) ÷ a plain SQLite blob"),
        ("evidence_1mb", "write/plain_sqlite_blob", "write/sqlcipher_blob",
         "SQLCipher ÷ plain SQLite, 1 MB blob write"),
        ("evidence_1mb", "read/plain_sqlite_blob", "read/sqlcipher_blob",
         "SQLCipher ÷ plain SQLite, 1 MB blob read"),
    ]:
        a, b = criterion_median(group, fast), criterion_median(group, slow)
        if a and b:
            r = b / a
            row(label, "≤ 1.3", f"{b * 1e3:.2f} ms", f"{a * 1e3:.2f} ms (plain)", f"{r:.2f}",
                r <= 1.3)
        else:
            row(label, "≤ 1.3", "not run", "", "", None)

    if "app" not in SKIP:
        run("cargo build -q --release -p carnet --features tauri/custom-protocol")
        run("cargo build -q --release -p carnet-store --features generate --bin carnet-generate")
        run("cargo build -q -p carnet-e2e --bin app-bench")
        app = run(f"CARNET_APP_BIN={TARGET}/release/carnet xvfb-run -a -s '-screen 0 1280x800x24' "
                  f"{TARGET}/debug/app-bench --runs {RUNS}")
        pss, _ = runs_of(app, "memory, PSS of all processes")
        rss, _ = runs_of(app, "memory, RSS of all processes")
        row("memory, PSS of all processes (10k vault, journal open)", "≤ 200 MiB",
            f"{pss:.0f} MiB", f"RSS {rss:.0f} MiB", "", pss <= 200)
        first, _ = runs_of(app, "memory, PSS at the first-run screen")
        row("memory, PSS at the first-run screen (empty folder)", "—", f"{first:.0f} MiB",
            "", "", None)
        # WebKitGTK's own floor: a bare window showing an empty page (scripts/webkit-floor.py).
        for flag, label in [("", "default compositing, as Carnet"), ("--no-gpu", "no GPU")]:
            floor = run(f"xvfb-run -a -s '-screen 0 1280x800x24' scripts/webkit-floor.py {flag}",
                        check=False)
            m = re.search(r"floor, PSS of all processes ([\d.]+) MiB", floor or "")
            row(f"memory floor: WebKitGTK alone, an empty page ({label})", "—",
                f"{m.group(1)} MiB" if m else "not run (python3-gi?)", "", "", None)
        base, _ = runs_of(app, "baseline: empty folder → first-run screen")
        launch, _ = runs_of(app, "launch: large vault → unlock screen")
        row("launch, 10k vault ÷ empty folder", "≤ 1.1", f"{launch:.0f} ms",
            f"{base:.0f} ms (empty)", f"{launch / base:.2f}", launch / base <= 1.1)
        _, unlocks = runs_of(app, "unlock: click → journal's first page")
        q = p95(unlocks)
        _, driver = runs_of(app, "unlock, through WebDriver (+ its round trips)")
        row(f"unlock → journal, p95 of {len(unlocks)} runs (first included), timed in the page",
            "≤ 300 ms", f"{q:.0f} ms", f"{p95(driver):.0f} ms through WebDriver", "", q <= 300)
    else:
        for f, g in [("memory, PSS", "≤ 200 MiB"), ("launch ratio", "≤ 1.1"),
                     ("unlock → journal p95", "≤ 300 ms")]:
            row(f, g, "not run", "", "", None)

    debs = sorted(glob.glob(os.path.join(TARGET, "release/bundle/deb/*.deb")), key=os.path.getmtime)
    if debs:
        size = os.path.getsize(debs[-1]) / 2**20
        row(".deb size (make bundle)", "≤ 8 MiB", f"{size:.2f} MiB", "", "", size <= 8)
    else:
        row(".deb size", "≤ 8 MiB", "not built (make bundle)", "", "", None)
    rpms = sorted(glob.glob(os.path.join(TARGET, "release/bundle/rpm/*.rpm")), key=os.path.getmtime)
    if rpms:
        size = os.path.getsize(rpms[-1]) / 2**20
        row(".rpm size (make bundle)", "≤ 8 MiB", f"{size:.2f} MiB", "", "", size <= 8)

    if "baseline" not in SKIP:
        out = run(f"RUNS={min(int(RUNS), 5)} scripts/bench-baseline.sh")
        chromium = float(re.search(r"chromium print-to-pdf median_s=([\d.]+)", out).group(1))
        for case, label in [("half_rgba", "reference dossier, half RGBA"),
                            ("rgb_only", "same, RGB-only screenshots")]:
            m = re.search(rf"carnet {case} median_s=([\d.]+).*pdf_over_images=([\d.]+)", out)
            s, size = float(m.group(1)), float(m.group(2))
            row(f"dossier render vs Chromium, {label}", "≥ ×10", f"{s:.3f} s",
                f"{chromium:.3f} s (Chromium)", f"×{chromium / s:.1f}", chromium / s >= 10)
            row(f"dossier PDF ÷ images' bytes, {label}", "≤ 1.15", f"{size:.3f}", "", "",
                size <= 1.15)
    else:
        row("dossier render vs Chromium", "≥ ×10", "not run", "", "", None)

    mark = {True: "met", False: "**not met**", None: "—"}
    lines = [
        "# Carnet — benchmark report",
        "",
        f"Machine: {machine}. Made by `make bench-report` (scripts/bench-report.py).",
        "",
        "| figure | goal | value | baseline | ratio | |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| {f} | {g} | {v} | {b} | {r} | {mark[m]} |" for f, g, v, b, r, m in rows]
    report = "\n".join(lines) + "\n"
    path = os.path.join(TARGET, "bench-report.md")
    with open(path, "w") as f:
        f.write(report)
    print(report)
    print("written:", path)


if __name__ == "__main__":
    main()
