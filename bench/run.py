"""Benchmark medleaflet against WeasyPrint and print ratios: ``python3 bench/run.py --help``.

Every headline figure is a ratio -- of the peer renderer (WeasyPrint, set up
with the same text, fonts and paper by :mod:`bench.leaflet_html`) to
medleaflet, or of one medleaflet run to another -- so that it means the same
on any machine; absolute times are in a secondary column. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import itertools
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import medleaflet  # noqa: E402
from bench.growth import grown_leaflet, repeatable_paths, text_chars  # noqa: E402
from bench.leaflet_html import leaflet_html  # noqa: E402
from medleaflet.content.clinic import load_clinic  # noqa: E402
from medleaflet.content.load import parse_yaml  # noqa: E402
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template  # noqa: E402
from medleaflet.errors import MedleafletError  # noqa: E402
from medleaflet.i18n.locales import SOURCE_LOCALE  # noqa: E402
from medleaflet.pipeline import BuildOptions, lay_out_leaflet, render_leaflet  # noqa: E402
from medleaflet.project import Project  # noqa: E402

SECTIONS = ("warm", "cold", "size", "memory", "batch", "growth")
QUICK_SECTIONS = ("warm", "cold", "size", "memory")
DEFAULT_LANGS = ("en", "ar", "hi", "zh", "ru")
QUICK_LANGS = ("en", "ar")
GROWTH_FACTORS = (1, 2, 4)
#: The clinic profile every in-process render prints (a French pharmacy: A4, Latin text).
CLINIC_YAML = """\
name: Pharmacie du Rhône
phone: "+33 4 72 00 00 00"
address: 12 quai du Rhône, 69002 Lyon
country: FR
"""
#: A pure-Python loop of about a second: how much two processes can run at once on this machine.
SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"
#: Scale of the "on paper" projection: medicines, languages, templates, cores.
SCALE = (5000, 40, 3, 32)

# A fresh interpreter's peak resident set in bytes. Linux carries the parent's ru_maxrss over
# fork and exec (the child would report at least this benchmark's own size), so its VmHWM,
# which belongs to the new program alone, comes first.
_PEAK = """
import json, sys, tracemalloc

def peak_rss():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024

def report(traced):
    print(json.dumps({"rss": peak_rss(), "traced": traced}))
"""
# Render once to warm up, once more traced, and report the peaks.
_MEDLEAFLET_CHILD = (
    _PEAK
    + """
import medleaflet
leaflet, locale, template, clinic, root = sys.argv[1:6]
medleaflet.build_pdf(leaflet, locale, template=template, clinic=clinic, root=root)
tracemalloc.start()
medleaflet.build_pdf(leaflet, locale, template=template, clinic=clinic, root=root)
report(tracemalloc.get_traced_memory()[1])
"""
)
_WEASYPRINT_CHILD = (
    _PEAK
    + """
import weasyprint
html_file, base_url = sys.argv[1:3]
text = open(html_file, encoding="utf-8").read()
weasyprint.HTML(string=text, base_url=base_url).write_pdf()
tracemalloc.start()
weasyprint.HTML(string=text, base_url=base_url).write_pdf()
report(tracemalloc.get_traced_memory()[1])
"""
)
_PYTHON_CHILD = _PEAK + "report(0)\n"


@dataclass
class Bench:
    """What every measurement needs: the project, the choices of the command line, a scratch folder."""

    root: Path
    leaflet: str
    langs: list[str]
    templates: list[str]
    repeat: int
    cold_runs: int
    scratch: Path
    weasyprint: ModuleType | None
    project: Project = field(init=False)
    _clinics: itertools.count[int] = field(init=False, default_factory=itertools.count)

    def __post_init__(self) -> None:
        self.project = Project.open(self.root)

    def fresh_clinic(self) -> Path:
        """A clinic profile in a folder of its own, never read before: each call loads it anew."""
        folder = self.scratch / f"clinic-{next(self._clinics)}"
        folder.mkdir()
        path = folder / "clinic.yaml"
        path.write_text(CLINIC_YAML, encoding="utf-8")
        return path

    def is_bilingual(self, template: str) -> bool:
        """Whether ``template`` pairs English with another language."""
        return load_template(self.project.template_path(template), self.root).bilingual

    def peer_html(self, locale: str, template: str, clinic: Path | None) -> str:
        """The HTML WeasyPrint renders: the leaflet medleaflet lays out, with the same clinic."""
        profile = load_clinic(clinic, self.root) if clinic else None
        options = BuildOptions(template=template, clinic=profile)
        document = lay_out_leaflet(self.project, self.leaflet, self.project.locale(locale), options)
        return leaflet_html(document, self.project.fonts_dir)

    def weasy_pdf(self, html: str) -> bytes:
        """WeasyPrint's PDF of ``html``."""
        assert self.weasyprint is not None
        return self.weasyprint.HTML(string=html, base_url=str(self.root)).write_pdf()

    def build(self, locale: str, template: str) -> bytes:
        """medleaflet's PDF, with a fresh clinic profile (its writing not timed by the callers)."""
        return medleaflet.build_pdf(self.leaflet, locale, template=template, clinic=self.fresh_clinic(), root=self.root)


# ---------------------------------------------------------------- output


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], notes: Sequence[str] = ()) -> None:
    """A plain text table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        first, *rest = (str(cell) for cell in cells)
        return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))])

    print(f"\n{title}")
    print(line(headers))
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print(line(row))
    for note in notes:
        print(f"  note: {note}")
    sys.stdout.flush()


def ratio(value: float, base: float) -> str:
    """``value / base`` as ``1.23x`` (``n/a`` without a base)."""
    return f"{value / base:.2f}x" if base else "n/a"


def ms(seconds: float) -> str:
    """Seconds as whole milliseconds."""
    return f"{seconds * 1000:.0f}"


def mib(size: float) -> str:
    """Bytes as MiB, one decimal."""
    return f"{size / 2**20:.1f}"


# ---------------------------------------------------------------- timing


def cpu_seconds(call: Callable[[], object]) -> float:
    """CPU time of this process (``time.process_time``) that ``call()`` takes."""
    start = time.process_time()
    call()
    return time.process_time() - start


def wall_seconds(command: Sequence[str], cwd: Path = ROOT) -> float:
    """Wall time of running ``command`` to completion (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def alternate(calls: Sequence[Callable[[], float]], repeat: int) -> list[float]:
    """The median of ``repeat`` results of each of ``calls``, run in turn (after one warm-up of each),
    the order reversed every round, so that drift of the machine falls on all of them alike."""
    for call in calls:
        call()
    results: list[list[float]] = [[] for _ in calls]
    for round_ in range(repeat):
        order = list(enumerate(calls))
        for index, call in order if round_ % 2 == 0 else reversed(order):
            results[index].append(call())
    return [statistics.median(values) for values in results]


# ---------------------------------------------------------------- 1. warm


def warm_rows(bench: Bench) -> list[tuple[str, str]]:
    """The (language, template) pairs to render warm: every template, no bilingual English."""
    bilingual = {template for template in bench.templates if bench.is_bilingual(template)}
    return [
        (lang, template)
        for lang in bench.langs
        for template in bench.templates
        if not (template in bilingual and lang == SOURCE_LOCALE)
    ]


def warm_pair(bench: Bench, lang: str, template: str) -> tuple[float, float | None]:
    """Median CPU seconds of one warm medleaflet render and, if present, one WeasyPrint render."""
    medleaflet_call = functools.partial(cpu_of_build, bench, lang, template)
    if bench.weasyprint is None:
        return alternate([medleaflet_call], bench.repeat)[0], None
    html = bench.peer_html(lang, template, bench.fresh_clinic())
    weasy_call = functools.partial(cpu_seconds, functools.partial(bench.weasy_pdf, html))
    ours, theirs = alternate([medleaflet_call, weasy_call], bench.repeat)
    return ours, theirs


def cpu_of_build(bench: Bench, lang: str, template: str) -> float:
    """CPU seconds of one ``build_pdf`` call, the clinic profile written beforehand."""
    clinic = bench.fresh_clinic()
    return cpu_seconds(
        functools.partial(medleaflet.build_pdf, bench.leaflet, lang, template=template, clinic=clinic, root=bench.root)
    )


def measure_warm(bench: Bench) -> dict[tuple[str, str], float]:
    """Section 1; returns medleaflet's median CPU seconds per (language, template)."""
    times = {(lang, template): warm_pair(bench, lang, template) for lang, template in warm_rows(bench)}
    reference_key = (SOURCE_LOCALE, DEFAULT_TEMPLATE)
    reference = times[reference_key][0] if reference_key in times else None
    if reference is None and bench.weasyprint is None:
        english = functools.partial(cpu_of_build, bench, SOURCE_LOCALE, DEFAULT_TEMPLATE)
        reference = alternate([english], bench.repeat)[0]
    rows = []
    for (lang, template), (ours, theirs) in times.items():
        peer = [ratio(theirs, ours), ms(theirs)] if theirs is not None else []
        rows.append([lang, template, *peer, ms(ours), ratio(ours, reference) if reference else "n/a"])
    peer_headers = ["WeasyPrint/medleaflet", "WeasyPrint ms"] if bench.weasyprint else []
    notes = [f"median CPU time of {bench.repeat} calls after one warm-up, a fresh clinic profile per call"]
    if bench.weasyprint is None:
        notes.append("WeasyPrint is not installed: medleaflet only, as ratios to English/standard")
    else:
        notes.append("calls alternate in one process; WeasyPrint renders the leaflet's HTML (bench/leaflet_html.py)")
    print_table(
        "1. warm render (CPU time per PDF)",
        ["lang", "template", *peer_headers, "medleaflet ms", "vs en/standard"],
        rows,
        notes,
    )
    return {key: value[0] for key, value in times.items()}


# ---------------------------------------------------------------- 2. cold


def measure_cold(bench: Bench) -> None:
    """Section 2: fresh interpreters, wall time, median of ``bench.cold_runs`` runs each."""
    out = bench.scratch / "cold"
    generate = [sys.executable, str(ROOT / "generate.py"), "--root", str(bench.root)]
    commands: dict[str, Callable[[], float]] = {
        "generate.py build (en)": lambda: wall_seconds(
            [*generate, "build", bench.leaflet, "--lang", SOURCE_LOCALE, "--out", str(tempfile.mkdtemp(dir=out))]
        ),
        "generate.py --help": lambda: wall_seconds([*generate, "--help"]),
        "python3 -c pass": lambda: wall_seconds([sys.executable, "-c", "pass"]),
    }
    notes = [f"wall time, median of {bench.cold_runs} runs, each command in a fresh interpreter, in turn"]
    if bench.weasyprint is not None:
        html_file = bench.scratch / "cold.html"
        html_file.write_text(bench.peer_html(SOURCE_LOCALE, DEFAULT_TEMPLATE, None), encoding="utf-8")
        command = [sys.executable, "-m", "weasyprint", str(html_file), str(bench.scratch / "cold-weasy.pdf")]
        commands["python3 -m weasyprint (en)"] = lambda: wall_seconds(command)
    else:
        notes.append("WeasyPrint is not installed: no peer row")
    out.mkdir()
    medians = dict(zip(commands, alternate(list(commands.values()), bench.cold_runs), strict=True))
    build = medians["generate.py build (en)"]
    rows = [[name, ratio(seconds, build), ms(seconds)] for name, seconds in medians.items()]
    print_table("2. cold start (wall time per command)", ["command", "vs build", "ms"], rows, notes)


# ---------------------------------------------------------------- 3. size


def measure_size(bench: Bench) -> None:
    """Section 3: the bytes and pages of each language's PDF (default template), both renderers."""
    rows = []
    for lang in bench.langs:
        clinic = bench.fresh_clinic()
        options = BuildOptions(template=DEFAULT_TEMPLATE, clinic=load_clinic(clinic, bench.root))
        ours = render_leaflet(bench.project, bench.leaflet, bench.project.locale(lang), options)
        row = [lang, f"{len(ours.data):,}", str(ours.pages)]
        if bench.weasyprint is not None:
            html = bench.peer_html(lang, DEFAULT_TEMPLATE, clinic)
            rendered = bench.weasyprint.HTML(string=html, base_url=str(bench.root)).render()
            theirs = rendered.write_pdf()
            row += [f"{len(theirs):,}", str(len(rendered.pages)), ratio(len(ours.data), len(theirs))]
        rows.append(row)
    peer = ["WeasyPrint bytes", "pages", "medleaflet/WeasyPrint"] if bench.weasyprint else []
    print_table(
        f"3. PDF size ({DEFAULT_TEMPLATE} template)",
        ["lang", "medleaflet bytes", "pages", *peer],
        rows,
        ["both embed subsets of the same font files; medleaflet's bytes are what build_pdf returns"],
    )


# ---------------------------------------------------------------- 4. memory


def child_peaks(code: str, *args: str) -> tuple[int, int]:
    """Peak resident set (bytes) of a fresh interpreter running ``code``, and what it traced."""
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, check=True, capture_output=True, text=True)
    peaks = json.loads(done.stdout.strip().splitlines()[-1])
    return int(peaks["rss"]), int(peaks["traced"])


def measure_memory(bench: Bench) -> None:
    """Section 4: peak memory of a process doing one warm-up render and one render, per renderer."""
    base_rss, _ = child_peaks(_PYTHON_CHILD)
    rows = []
    for lang in bench.langs:
        clinic = bench.fresh_clinic()
        args = (bench.leaflet, lang, DEFAULT_TEMPLATE, str(clinic), str(bench.root))
        rss, traced = child_peaks(_MEDLEAFLET_CHILD, *args)
        row = [lang, mib(rss), mib(traced)]
        if bench.weasyprint is not None:
            html_file = bench.scratch / f"memory-{lang}.html"
            html_file.write_text(bench.peer_html(lang, DEFAULT_TEMPLATE, clinic), encoding="utf-8")
            peer_rss, peer_traced = child_peaks(_WEASYPRINT_CHILD, str(html_file), str(bench.root))
            row += [mib(peer_rss), mib(peer_traced), ratio(peer_rss, rss), ratio(peer_traced, traced)]
        rows.append(row)
    peer = ["WeasyPrint RSS", "traced", "RSS WP/ml", "traced WP/ml"] if bench.weasyprint else []
    print_table(
        f"4. peak memory (MiB, {DEFAULT_TEMPLATE} template)",
        ["lang", "medleaflet RSS", "traced", *peer],
        rows,
        [
            "RSS: peak resident set (VmHWM, else ru_maxrss) of the whole process: imports, warm-up, render; "
            f"a bare python3 peaks at {mib(base_rss)} MiB",
            "traced: tracemalloc peak of Python allocations during the second render only",
        ],
    )


# ---------------------------------------------------------------- 5. batch


def copy_project(bench: Bench, name: str, leaflets: dict[str, str]) -> Path:
    """A project folder in the scratch area: the root's templates/, translations/ and fonts/, and
    ``leaflets`` (file stem -> YAML text) as its only leaflets."""
    target = bench.scratch / name
    for folder in ("templates", "translations", "fonts"):
        shutil.copytree(bench.root / folder, target / folder)
    (target / "leaflets").mkdir()
    for stem, text in leaflets.items():
        (target / "leaflets" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return target


def accepts_jobs() -> bool:
    """Whether ``generate.py build`` has a ``--jobs`` option."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "build", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    return "--jobs" in done.stdout


def batch_run(project: Path, out: Path, jobs: int | None) -> tuple[float, int]:
    """Wall seconds of ``build --all`` of ``project`` into ``out``, and how many PDFs ``out`` then holds."""
    command = [sys.executable, str(ROOT / "generate.py"), "--root", str(project), "build", "--all", "--out", str(out)]
    seconds = wall_seconds([*command, *(["--jobs", str(jobs)] if jobs else [])])
    return seconds, len(list(out.glob("*.pdf")))


def spin_seconds(processes: int) -> float:
    """Wall seconds of ``processes`` fresh interpreters each running the same pure-Python loop at once."""
    command = [sys.executable, "-c", SPIN]
    start = time.perf_counter()
    running = [subprocess.Popen(command) for _ in range(processes)]
    for process in running:
        process.wait()
    return time.perf_counter() - start


@dataclass(frozen=True)
class BatchFigures:
    """What section 5 measured: PDFs per run, wall seconds per run, and the machine's own ceiling."""

    pdfs: int
    one: float
    two: float
    unchanged: float
    start_up: float
    ceiling: float  # the speed-up of a pure-Python loop from 1 to 2 processes

    @property
    def speedup(self) -> float:
        return self.one / self.two

    @property
    def per_kept(self) -> float:
        """Seconds per unchanged PDF of the rerun, the interpreter's start-up taken off."""
        return max(self.unchanged - self.start_up, 0.0) / self.pdfs


def measure_batch(bench: Bench) -> None:
    """Section 5: ``build --all`` of the first leaflet with 1 and 2 worker processes, then again unchanged."""
    leaflet_text = bench.project.leaflet_path(bench.leaflet).read_text(encoding="utf-8")
    project = copy_project(bench, "batch-project", {bench.leaflet: leaflet_text})
    notes = [f"a copy of the project holding only leaflet {bench.leaflet}; wall time of one run each"]
    headers = ["run", "PDFs", "s", "ms/PDF", "speed-up"]
    if not accepts_jobs():
        seconds, count = batch_run(project, bench.scratch / "batch-default", None)
        notes.append("generate.py build has no --jobs option: one run with its default workers, no speed-up")
        rows = [["default workers", str(count), f"{seconds:.1f}", ms(seconds / count), "n/a"]]
        print_table("5. batch (build --all)", headers, rows, notes)
        return
    one, count = batch_run(project, bench.scratch / "batch-1", 1)
    two, _ = batch_run(project, bench.scratch / "batch-2", 2)
    again, _ = batch_run(project, bench.scratch / "batch-2", 2)
    start_up = wall_seconds([sys.executable, str(ROOT / "generate.py"), "--help"])
    spin_one, spin_two = spin_seconds(1), spin_seconds(2)
    figures = BatchFigures(count, one, two, again, start_up, 2 * spin_one / spin_two)
    rows = [
        ["--jobs 1", str(count), f"{one:.1f}", ms(one / count), "1.00x"],
        ["--jobs 2", str(count), f"{two:.1f}", ms(two / count), ratio(one, two)],
        ["--jobs 2, unchanged", str(count), f"{again:.1f}", ms(figures.per_kept), ratio(one, again)],
        ["ceiling: CPU loop x1 -> x2", "-", f"{spin_two:.1f}", "-", f"{figures.ceiling:.2f}x"],
    ]
    notes += [
        f"this machine has {os.cpu_count()} CPUs; 'unchanged' reruns into the --jobs 2 folder (all kept; "
        f"its ms/PDF leaves out the {ms(start_up)} ms start-up)",
        "ceiling: throughput of 2 processes running a pure-Python loop, relative to 1: what the machine allows",
    ]
    print_table("5. batch (build --all)", headers, rows, notes)
    print_scale(figures)


def print_scale(figures: BatchFigures) -> None:
    """The projection of the README's "Scale on paper" from the batch figures."""
    medicines, languages, templates, cores = SCALE
    pdfs = medicines * (languages * templates - 1)  # the bilingual template skips English
    per_pdf = figures.one / figures.pdfs
    measured = min(figures.speedup / 2, 1.0)
    batch_only = min(figures.speedup / figures.ceiling, 1.0)
    rows = [
        ["PDFs", f"{pdfs:,}"],
        ["seconds per PDF (--jobs 1)", f"{per_pdf:.3f}"],
        ["per-core efficiency, measured 1->2", f"{measured:.2f}"],
        ["per-core efficiency, vs this machine's ceiling", f"{batch_only:.2f}"],
        [f"full build, {cores} cores, measured efficiency", f"{pdfs * per_pdf / (cores * measured) / 3600:.1f} h"],
        [f"full build, {cores} real cores, ceiling-corrected", f"{pdfs * per_pdf / (cores * batch_only) / 3600:.1f} h"],
        ["nothing changed (digests, one process)", f"{pdfs * figures.per_kept / 60:.0f} min"],
    ]
    print_table(
        f"5b. on paper: {medicines:,} medicines x {languages} languages x {templates} templates",
        ["figure", "value"],
        rows,
        ["CPU-bound; the per-core efficiency is assumed to hold from 2 up to 32 cores"],
    )


# ---------------------------------------------------------------- 6. growth


def measure_growth(bench: Bench) -> None:
    """Section 6: the first leaflet with its lists and paragraphs x1, x2, x4, English, default template."""
    source = bench.project.leaflet_path(bench.leaflet)
    data = parse_yaml(source.read_text(encoding="utf-8"), source.name).data
    paths = repeatable_paths(data)
    grown = {f"{bench.leaflet}-x{n}": grown_leaflet(data, paths, n, f"{bench.leaflet}-x{n}") for n in GROWTH_FACTORS}
    project = Project.open(copy_project(bench, "growth-project", grown))
    ids = list(grown)

    def render(leaflet_id: str) -> float:
        return cpu_seconds(functools.partial(render_leaflet, project, leaflet_id, SOURCE_LOCALE, BuildOptions()))

    medians = alternate([functools.partial(render, leaflet_id) for leaflet_id in ids], bench.repeat)
    rows = []
    for factor, leaflet_id, seconds in zip(GROWTH_FACTORS, ids, medians, strict=True):
        pages = render_leaflet(project, leaflet_id, SOURCE_LOCALE, BuildOptions()).pages
        chars = text_chars(parse_yaml(grown[leaflet_id], leaflet_id).data["sections"])
        per_page = ms(seconds / pages)
        rows.append([f"x{factor}", f"{chars:,}", str(pages), ratio(seconds, medians[0]), ms(seconds), per_page])
    print_table(
        "6. content growth (en, standard)",
        ["text", "chars", "pages", "time vs x1", "ms", "ms/page"],
        rows,
        [f"{len(paths)} lists repeated: " + ", ".join(".".join(path[1:]) for path in paths)],
    )


# ---------------------------------------------------------------- 7. profile


def profile(bench: Bench, lang: str) -> None:
    """``--profile``: cProfile of ``bench.repeat`` warm ``build_pdf`` calls (default template)."""
    bench.build(lang, DEFAULT_TEMPLATE)
    profiler = cProfile.Profile()
    for _ in range(bench.repeat):
        clinic = bench.fresh_clinic()
        profiler.enable()
        medleaflet.build_pdf(bench.leaflet, lang, template=DEFAULT_TEMPLATE, clinic=clinic, root=bench.root)
        profiler.disable()
    for order in ("cumulative", "tottime"):
        print(f"\n7. profile of {bench.repeat} warm build_pdf calls ({lang}, {DEFAULT_TEMPLATE}), top 30 by {order}")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(30)


# ---------------------------------------------------------------- command line


def load_weasyprint() -> ModuleType | None:
    """The weasyprint module, or None when it (or a library it loads, such as Pango) is missing."""
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    return weasyprint


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line (see ``--help``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--leaflet", help="leaflet id (default: the first of the project)")
    langs = ",".join(DEFAULT_LANGS)
    parser.add_argument("--lang", action="append", help=f"languages, comma-separated or repeated (default: {langs})")
    parser.add_argument("--template", action="append", help="templates, comma-separated or repeated (default: all)")
    parser.add_argument("--repeat", type=int, help="calls per measurement (default: 7; 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="repeat 3, en and ar only, no batch or growth")
    parser.add_argument("--only", help=f"comma-separated measurements out of {','.join(SECTIONS)}")
    parser.add_argument("--profile", metavar="LANG", help="profile warm build_pdf calls in LANG (alone unless --only)")
    return parser.parse_args(argv)


def split(values: list[str] | None) -> list[str]:
    """Repeated, comma-separated option values as one list."""
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


def chosen_sections(args: argparse.Namespace) -> list[str]:
    """The measurements to run, in the order of :data:`SECTIONS`."""
    if args.only:
        wanted = set(split([args.only]))
        unknown = wanted - set(SECTIONS)
        if unknown:
            raise SystemExit(f"--only: unknown {', '.join(sorted(unknown))} (choose from {', '.join(SECTIONS)})")
        return [name for name in SECTIONS if name in wanted]
    if args.profile:
        return []
    return list(QUICK_SECTIONS if args.quick else SECTIONS)


def make_bench(args: argparse.Namespace, scratch: Path) -> Bench:
    """The :class:`Bench` of the command line; raises a MedleafletError for an unknown name."""
    project = Project.open(args.root)
    langs = split(args.lang) or list(QUICK_LANGS if args.quick else DEFAULT_LANGS)
    for lang in langs:
        project.locale(lang)
    templates = split(args.template) or project.template_names()
    for template in templates:
        project.template_path(template)
    leaflet = args.leaflet or project.leaflet_ids()[0]
    project.leaflet_path(leaflet)
    repeat = args.repeat or (3 if args.quick else 7)
    return Bench(project.root, leaflet, langs, templates, repeat, 3 if args.quick else 5, scratch, load_weasyprint())


def print_header(bench: Bench) -> None:
    """What was measured, on what."""
    peer = f"WeasyPrint {bench.weasyprint.__version__}" if bench.weasyprint else "WeasyPrint not installed"
    print(
        f"medleaflet {medleaflet.__version__} vs {peer}; Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(f"leaflet {bench.leaflet}; languages {', '.join(bench.langs)}; templates {', '.join(bench.templates)}")


MEASUREMENTS: dict[str, Callable[[Bench], Any]] = {
    "warm": measure_warm,
    "cold": measure_cold,
    "size": measure_size,
    "memory": measure_memory,
    "batch": measure_batch,
    "growth": measure_growth,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen measurements and print a table for each."""
    args = parse_args(argv)
    sections = chosen_sections(args)
    with tempfile.TemporaryDirectory(prefix="medleaflet-bench-") as scratch:
        try:
            bench = make_bench(args, Path(scratch))
        except MedleafletError as exc:
            print(f"run.py: {exc}", file=sys.stderr)
            return 2
        print_header(bench)
        for name in sections:
            MEASUREMENTS[name](bench)
        if args.profile:
            profile(bench, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
