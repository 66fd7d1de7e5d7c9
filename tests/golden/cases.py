"""Which PDFs have golden files, and how to build one.

:func:`golden_cases` takes a project and gives a few representative builds,
derived from the project rather than listed: the first leaflet in English in
every template that is not bilingual, in the first right-to-left language
(CLDR) in the default template and every bilingual one (English beside it),
and in the first language written in Han characters in the default template. :func:`build` takes a case and a folder
and gives the PDF's bytes, built through the command line as a user would.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from medleaflet.batch.digest import library_versions
from medleaflet.cli import main
from medleaflet.content.templates import DEFAULT_TEMPLATE, load_template
from medleaflet.i18n.locales import SOURCE_LOCALE, language_of
from medleaflet.pipeline import output_name
from medleaflet.project import Project

#: Where the golden files live: one ``<pdf name>.txt`` per case.
GOLDEN_DIR = Path(__file__).resolve().parent / "expected"
#: The versions of the libraries that draw and normalise the PDFs the golden files were made with.
TOOLS_FILE = GOLDEN_DIR / "tools.txt"
#: ISO 15924 codes of scripts written in Han characters, which break lines between characters.
HAN_SCRIPTS = frozenset({"Hani", "Hans", "Hant", "Jpan"})


@dataclass(frozen=True)
class Case:
    """One golden build: a leaflet id, a locale code and a template name."""

    leaflet: str
    locale: str
    template: str

    @property
    def pdf_name(self) -> str:
        """The PDF's file name, as ``build`` writes it."""
        return output_name(self.leaflet, self.locale, self.template)

    @property
    def golden(self) -> Path:
        """The golden file of this case."""
        return GOLDEN_DIR / f"{self.pdf_name}.txt"

    def __str__(self) -> str:
        return self.pdf_name


def golden_cases(project: Project) -> list[Case]:
    """The representative builds of ``project`` (see the module docstring), without repeats."""
    leaflets = project.leaflet_ids()
    if not leaflets:
        return []
    leaflet, templates = leaflets[0], project.template_names()
    bilingual = {name for name in templates if load_template(project.template_path(name), project.root).bilingual}
    translated = [language_of(code) for code in project.locales() if code != SOURCE_LOCALE]
    rtl = next((language.code for language in translated if language.direction == "rtl"), None)
    han = next((language.code for language in translated if language.script in HAN_SCRIPTS), None)
    cases = [Case(leaflet, SOURCE_LOCALE, name) for name in templates if name not in bilingual]
    if rtl:
        cases += [Case(leaflet, rtl, name) for name in templates if name == DEFAULT_TEMPLATE or name in bilingual]
    if han:
        cases.append(Case(leaflet, han, DEFAULT_TEMPLATE))
    return list(dict.fromkeys(cases))


def build(project: Project, case: Case, out: Path) -> bytes:
    """The PDF of ``case``, built into ``out`` by the CLI; raises ``RuntimeError`` with its errors."""
    err = io.StringIO()
    args = ["--root", str(project.root), "build", case.leaflet, "--lang", case.locale]
    code = main([*args, "--template", case.template, "--out", str(out)], out=io.StringIO(), err=err)
    if code != 0:
        raise RuntimeError(f"{case}: build failed (exit {code}): {err.getvalue()}")
    return (out / case.pdf_name).read_bytes()


def tool_versions() -> str:
    """The rendering libraries' versions and qpdf's, as :data:`TOOLS_FILE` records them."""
    qpdf = subprocess.run(["qpdf", "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    return f"{library_versions()}, {qpdf}\n"
