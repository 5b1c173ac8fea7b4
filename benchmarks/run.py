"""Benchmark: the guide as we build it against the same Markdown on stock Material.

    ./run bench                 # everything, Lighthouse 3 times per page and profile (median)
    ./run bench --runs 1        # quicker
    ./run bench --no-lighthouse --no-serve

Both sides are built from a private copy of the project, so nothing in the working tree
changes. "Stock" is the same docs/, content_data/ and macros, with Material configured as
it comes: no custom_dir (so none of overrides/: no main.html, no partial fixes; the site's
own CSS and JavaScript are copied into docs/ so they still load), no hook of ours
(macros/mkdocs_hooks.py, which runs the publishing steps of macros/publish/), the search
plugin with its defaults. The theme's features, palette and fonts setting stay as in
mkdocs.yml.

Both sites are served from 127.0.0.1 with gzip by benchmarks/serving.py and measured
with Playwright (bytes the server sent, request counts, requests to other hosts) and
Lighthouse 12 (npm, in benchmarks/node_modules; CHROME_PATH=/usr/bin/chromium), in
Lighthouse's default mobile profile and on Regular 3G (300 ms RTT, 700 kbit/s, CPU
slowed 6x). Nothing here passes or fails: tests/test_performance.py holds the budgets.
Results are printed side by side and saved to benchmarks/results/latest.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: helpers shared with the tests

from serving import chromium_args, serve, visit  # noqa: E402
from support import CHROMIUM, copy_project  # noqa: E402

PAGES = ["", "classroom/", "conditions/vision/", "getting-started/online-self-assessment/"]
SECOND = "conditions/policy/"  # the second page of a visit that starts on each page above
OUR_HOOKS = ["macros/mkdocs_hooks.py"]
PROFILES = {
    "mobile": [],
    "3g": ["--throttling.rttMs=300", "--throttling.throughputKbps=700",
           "--throttling.cpuSlowdownMultiplier=6"],
}
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "PYTHONDONTWRITEBYTECODE": "1"}
for name in ("GUIDE_OFFLINE_ZIP", "GUIDE_PRINT_PDF"):
    ENV.pop(name, None)


# --- the two projects -------------------------------------------------------------------

def make_stock(project: Path) -> Path:
    """Turn a copy of the project into the stock-Material configuration (stock.yml)."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", "rb") as fd:
        config = yaml_load(fd)
    theme = config.get("theme") or {}
    theme.pop("custom_dir", None)
    config["theme"] = theme
    plugins = []
    for plugin in config.get("plugins") or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        plugins.append("search" if name == "search" else plugin)
    config["plugins"] = plugins
    config["hooks"] = [h for h in config.get("hooks") or [] if h not in OUR_HOOKS]
    config["watch"] = [w for w in config.get("watch") or [] if w != "overrides"]
    # The site's own stylesheets and scripts, which live in overrides/, still load.
    assets = project / "overrides" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, project / "docs" / "assets", dirs_exist_ok=True)
    (project / "stock.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return project / "stock.yml"


def build(project: Path, config: str, site: Path) -> dict:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    start, cpu = time.perf_counter(), os.times()
    result = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, os.times()
    if result.returncode:
        raise SystemExit(f"build failed ({config}):\n{result.stdout}\n{result.stderr}")
    return {"wall": wall, "cpu": (after.children_user - cpu.children_user)
            + (after.children_system - cpu.children_system)}


def build_times(project: Path, config: str, runs: int) -> dict:
    times = [build(project, config, project / f"site-{i}") for i in range(runs)]
    for i in range(runs):
        shutil.rmtree(project / f"site-{i}", ignore_errors=True)
    return {"wall": statistics.median(t["wall"] for t in times),
            "cpu": statistics.median(t["cpu"] for t in times)}


# --- serve: how long an edit takes to show -------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_latency(project: Path, config: str) -> dict:
    """Seconds from saving an edit (a page, then an area's YAML) to `mkdocs serve` serving it."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / config, "rb") as fd:
        site_url = yaml_load(fd).get("site_url") or ""
    port = free_port()
    base = f"http://127.0.0.1:{port}{urllib.parse.urlparse(site_url).path or '/'}"
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", config,
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fetch(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_for(path: str, text: str, limit: float) -> float | None:
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if text in fetch(path):
                return time.perf_counter() - start
            time.sleep(0.05)
        return None

    results = {}
    try:
        if wait_for("", "</html>", 120) is None:
            return {"error": "mkdocs serve did not start"}
        time.sleep(2)
        page = project / "docs" / "conditions" / "vision.md"
        area = project / "content_data" / "areas" / "vision.yml"
        for label, path, url, edit in [
            ("page", page, "conditions/vision/",
             lambda text, token: text.replace("\n## ", f"\n{token}\n\n## ", 1)),
            ("yaml", area, "conditions/",
             lambda text, token: re.sub(r"^summary: ", f"summary: {token} ", text, count=1,
                                        flags=re.M)),
        ]:
            if not path.exists():
                continue
            original = path.read_text(encoding="utf-8")
            times = []
            for attempt in range(2):
                token = f"Benchmark{attempt}x{int(time.time() * 1000)}"
                path.write_text(edit(original, token), encoding="utf-8")
                times.append(wait_for(url, token, 60))
                path.write_text(original, encoding="utf-8")
                wait_for(url, "</html>", 60)
                time.sleep(3)
            done = [t for t in times if t is not None]
            results[label] = min(done) if done else None
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    return results


# --- bytes, requests ----------------------------------------------------------------------------

def transfer(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        for path in PAGES:
            context = browser.new_context()
            page = context.new_page()
            first = visit(page, base, path)
            second = visit(page, base, SECOND if path != SECOND else "")
            out[path] = {"first_bytes": first.bytes, "first_requests": len(first.requests),
                         "second_bytes": second.bytes, "second_requests": len(second.requests),
                         "foreign": sorted(set(first.foreign() + second.foreign())),
                         "search_index_on_load": first.fetched("search_index.json")}
            context.close()
        browser.close()
    return out


# --- Lighthouse -----------------------------------------------------------------------------------

def lighthouse(url: str, flags: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                   "--only-categories=performance,accessibility,best-practices,seo",
                   "--chrome-flags=--headless=new " + " ".join(chromium_args()), *flags]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode or not report.exists():
            return {"error": (result.stderr or result.stdout)[-500:]}
        data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        **{k: round(v["score"] * 100) for k, v in data["categories"].items()},
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def lighthouse_site(site: Path, runs: int) -> dict:
    out = {}
    with serve(site) as base:
        for path in PAGES:
            for profile, flags in PROFILES.items():
                results = [lighthouse(base + path, flags) for _ in range(runs)]
                good = [r for r in results if "error" not in r]
                if not good:
                    out[f"{path}|{profile}"] = results[0]
                    continue
                # The run with the median performance score, as Lighthouse's docs advise.
                good.sort(key=lambda r: (r["performance"], -r["lcp"]))
                out[f"{path}|{profile}"] = {**good[len(good) // 2], "runs": len(good),
                                            "performance_all": [r["performance"] for r in good]}
    return out


# --- the table ------------------------------------------------------------------------------------

def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def table(results: dict) -> str:
    ours, stock = results["ours"], results["stock"]
    rows = [("", "ours", "stock Material")]

    def add(label, a, b):
        rows.append((label, a, b))

    add("build, wall (median)", f"{ours['build']['wall']:.2f} s", f"{stock['build']['wall']:.2f} s")
    add("build, CPU", f"{ours['build']['cpu']:.2f} s", f"{stock['build']['cpu']:.2f} s")
    add("build ratio (wall)", f"{ours['build']['wall'] / stock['build']['wall']:.2f}x", "1.00x")
    if "serve" in ours:
        for key in ("page", "yaml"):
            a, b = ours["serve"].get(key), stock["serve"].get(key)
            add(f"serve: edit ({key}) shown after",
                f"{a:.2f} s" if a else "n/a", f"{b:.2f} s" if b else "n/a")
    for path in PAGES:
        name = path or "home"
        a, b = ours["transfer"][path], stock["transfer"][path]
        add(f"{name}: first visit", f"{kib(a['first_bytes'])}, {a['first_requests']} req",
            f"{kib(b['first_bytes'])}, {b['first_requests']} req")
        add(f"{name}: then {SECOND}", f"{kib(a['second_bytes'])}, {a['second_requests']} req",
            f"{kib(b['second_bytes'])}, {b['second_requests']} req")
        add(f"{name}: other hosts", str(len(a["foreign"])), str(len(b["foreign"])))
    if "lighthouse" in ours:
        for path in PAGES:
            for profile in PROFILES:
                a = ours["lighthouse"].get(f"{path}|{profile}", {})
                b = stock["lighthouse"].get(f"{path}|{profile}", {})

                def fmt(r):
                    if "error" in r or not r:
                        return "error"
                    return (f"P{r['performance']} A{r['accessibility']} BP{r['best-practices']} "
                            f"SEO{r['seo']} LCP {r['lcp']:.1f}s FCP {r['fcp']:.1f}s "
                            f"TBT {r['tbt']:.0f}ms CLS {r['cls']:.2f}")
                add(f"LH {profile}: {path or 'home'}", fmt(a), fmt(b))
    for key, label in (("offline_zip", "offline ZIP"), ("pdf", "print PDF")):
        if key in ours:
            r = ours[key]
            add(label, f"{r['bytes'] / 1024 / 1024:.2f} MB in {r['seconds']:.1f} s"
                if "bytes" in r else r.get("error", "n/a"), "-")
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]}" for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and profile")
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timing")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="the project to measure (default: this one)")
    args = parser.parse_args()
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: cd benchmarks && npm ci")

    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
                     "load": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        tmp = Path(tmp)
        ours_project = copy_project(tmp / "ours", args.project.resolve())
        stock_project = copy_project(tmp / "stock", args.project.resolve())
        stock_config = make_stock(stock_project).name
        sides = {"ours": (ours_project, "mkdocs.yml"), "stock": (stock_project, stock_config)}
        for side, (project, config) in sides.items():
            print(f"building {side} ...", file=sys.stderr)
            info = {"build": build_times(project, config, args.build_runs)}
            build(project, config, project / "site")
            info["transfer"] = transfer(project / "site")
            if not args.no_serve:
                print(f"timing mkdocs serve ({side}) ...", file=sys.stderr)
                info["serve"] = serve_latency(project, config)
            results[side] = info
        if not args.no_lighthouse:
            for side, (project, _) in sides.items():
                print(f"Lighthouse ({side}) ...", file=sys.stderr)
                results[side]["lighthouse"] = lighthouse_site(project / "site", args.runs)
        print("offline ZIP ...", file=sys.stderr)
        start = time.perf_counter()
        zipped = tmp / "offline.zip"
        result = subprocess.run([sys.executable, "-m", "macros.publish", "offline",
                                 str(zipped)], cwd=ours_project, env=ENV, capture_output=True,
                                text=True)
        results["ours"]["offline_zip"] = (
            {"bytes": zipped.stat().st_size, "seconds": time.perf_counter() - start}
            if zipped.exists() else {"error": result.stderr[-300:]})
        if not args.no_pdf:
            print("print PDF ...", file=sys.stderr)
            start = time.perf_counter()
            pdf = tmp / "guide.pdf"
            result = subprocess.run([sys.executable, "-c",
                                     "import sys; from pathlib import Path; "
                                     "from macros.publish.pdf import build_pdf; "
                                     "build_pdf(Path(sys.argv[1]), Path(sys.argv[2]))",
                                     str(ours_project / "site"), str(pdf)],
                                    cwd=ours_project, env=ENV, capture_output=True, text=True)
            results["ours"]["pdf"] = (
                {"bytes": pdf.stat().st_size, "seconds": time.perf_counter() - start}
                if pdf.exists() else {"error": result.stderr[-300:]})
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print(f"\n{os.cpu_count()} CPUs, load average at start {results['load'][0]:.1f}\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
