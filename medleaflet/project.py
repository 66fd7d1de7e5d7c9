"""Where a project's inputs live, and the names a user may ask for.

A project root holds ``leaflets/``, ``templates/``, ``translations/`` and
``fonts/``. :meth:`Project.open` refuses a root that is not one (a mistyped
``--root`` must not look like a project with nothing in it). :class:`Project`
lists what is there and turns user-supplied names into paths, refusing
anything that is not a known, well-formed name (so ``../../etc/passwd``
never becomes a path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from medleaflet.content.load import display_name
from medleaflet.errors import InputError, SourceLocation, UsageError
from medleaflet.i18n.locales import SOURCE_LOCALE, choose_locale, parse_locale

_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def default_root() -> Path:
    """The checkout this package lives in (the folder above ``medleaflet/``)."""
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    """The input folders of one project."""

    root: Path

    @classmethod
    def open(cls, root: Path) -> Project:
        """The project at ``root`` (resolved), which must be a folder holding ``leaflets/``.

        Every command needs the leaflets, even those that create other files
        (``init``, ``extract``). Raises :class:`UsageError` naming ``root`` as given.
        """
        if not root.exists():
            reason = "no such folder"
        elif not root.is_dir():
            reason = "not a folder"
        elif not (root / "leaflets").is_dir():
            reason = "no leaflets/ folder"
        else:
            return cls(root.resolve())
        raise UsageError(f"{root}: not a medleaflet project ({reason})")

    @property
    def leaflets_dir(self) -> Path:
        return self.root / "leaflets"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def fonts_dir(self) -> Path:
        return self.root / "fonts"

    def leaflet_ids(self) -> list[str]:
        """Ids of the leaflets present, sorted."""
        return sorted(path.stem for path in self.leaflets_dir.glob("*.yaml") if _NAME.match(path.stem))

    def template_names(self) -> list[str]:
        """Names of the templates present, sorted."""
        return sorted(path.stem for path in self.templates_dir.glob("*.yaml") if _NAME.match(path.stem))

    def locales(self) -> list[str]:
        """The source locale, then every locale with a catalogue, sorted.

        Raises :class:`InputError`, located at the catalogue, when a catalogue
        folder is not named by a locale code (``translations/not_a_locale/...``):
        a language that cannot be listed must not be skipped silently.
        """
        found = self._catalogue_folders()
        for name, catalogue in sorted(found.items()):
            _check_locale_folder(name, catalogue, self.root)
        return [SOURCE_LOCALE, *sorted(set(found) - {SOURCE_LOCALE})]

    def readable_locales(self) -> tuple[list[str], list[InputError]]:
        """What :meth:`locales` gives, but a misnamed catalogue folder is returned as its error
        instead of raised, so that ``check`` reports it and still checks every other language."""
        found, errors = [SOURCE_LOCALE], []
        for name, catalogue in sorted(self._catalogue_folders().items()):
            try:
                _check_locale_folder(name, catalogue, self.root)
            except InputError as exc:
                errors.append(exc)
                continue
            if name != SOURCE_LOCALE:
                found.append(name)
        return found, errors

    def _catalogue_folders(self) -> dict[str, Path]:
        """Folder name -> catalogue file, for every ``translations/*/LC_MESSAGES/leaflets.po``."""
        return {path.parent.parent.name: path for path in self.translations_dir.glob("*/LC_MESSAGES/leaflets.po")}

    def leaflet_path(self, leaflet_id: str) -> Path:
        """The file of leaflet ``leaflet_id``; raises :class:`UsageError` if unknown."""
        return self._named(leaflet_id, "leaflet", self.leaflet_ids(), self.leaflets_dir)

    def template_path(self, name: str) -> Path:
        """The file of template ``name``; raises :class:`UsageError` if unknown."""
        return self._named(name, "template", self.template_names(), self.templates_dir)

    def locale(self, language: str) -> str:
        """The catalogue locale for a language the user typed: a code (``zh-Hans``, ``VI``, ``tl``...)
        or a name in English or in the language itself (``vietnamese``, ``Tiếng Việt``).

        Matches the exact locale first, then its language alone (``tl`` is
        Babel's alias of ``fil_PH``, served by ``fil``), then the names of the
        catalogue languages (:func:`~medleaflet.i18n.locales.choose_locale`).
        Raises :class:`UsageError` when no catalogue fits, with the closest
        languages of the project.
        """
        # Only the folder asked for must be a locale: a stray folder does not block other languages.
        available = [SOURCE_LOCALE, *sorted(set(self._catalogue_folders()) - {SOURCE_LOCALE})]
        return choose_locale(language, available)

    @staticmethod
    def _named(name: str, kind: str, known: list[str], folder: Path) -> Path:
        if not _NAME.match(name) or name not in known:
            listing = ", ".join(known) or "none"
            raise UsageError(f"unknown {kind} {name!r} (available: {listing})")
        return folder / f"{name}.yaml"


def _check_locale_folder(name: str, catalogue: Path, root: Path) -> None:
    """Raise :class:`InputError` at ``catalogue``:1 unless ``name`` is a locale code as Babel writes it."""
    where = SourceLocation(display_name(catalogue, root), 1)
    try:
        canonical = str(parse_locale(name))
    except UsageError:
        raise InputError(
            f"catalogue folder {name!r} is not a locale code (such as fr, pt_BR or zh_Hans); rename the folder", where
        ) from None
    if canonical != name:
        raise InputError(f"catalogue folder {name!r} must be named {canonical!r}; rename the folder", where)
