"""How hard a leaflet's English is to read: the Flesch-Kincaid grade of its prose, by textstat.

:func:`reading_grade` takes English text and gives its Flesch-Kincaid grade
level (the US school grade that can read it; grade 8 is a reading age of
13 to 14). :func:`measure` takes a :class:`~medleaflet.content.model.Leaflet`
and gives a :class:`Readability`: the grade of the leaflet's prose and its
hardest text.

Prose is every text of at least :data:`MIN_WORDS` words (sentences,
bullets, advice), each closed with a full stop when it has no end
punctuation, so that a bullet counts as a sentence of its own. Names, labels,
strengths and lists of drugs are left out: they are not sentences, and their
words are not the writer's to choose. The measure is a warning, not a rule
(:data:`GRADE_LIMIT`): it counts syllables and words per sentence, and knows
nothing of meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

import textstat

from medleaflet.content.model import Leaflet, Text

#: The grade above which a leaflet is reported as too hard (the README asks for a reading age
#: of 11 to 13: US grades 6 to 8).
GRADE_LIMIT = 8.0
#: A text with fewer words is a name, label or strength, not prose.
MIN_WORDS = 4
_END = (".", "!", "?")


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of the English ``text`` (0.0 for text with no words)."""
    if not text.split():
        return 0.0
    return float(textstat.flesch_kincaid_grade(text))


def prose(texts: list[Text]) -> list[Text]:
    """The texts of ``texts`` that are prose: at least :data:`MIN_WORDS` words."""
    return [text for text in texts if len(text.value.split()) >= MIN_WORDS]


def as_sentence(value: str) -> str:
    """``value`` ending in a full stop, unless it already ends a sentence."""
    value = value.strip()
    return value if value.endswith(_END) else f"{value}."


@dataclass(frozen=True)
class Readability:
    """One leaflet's reading grade: its file (``source``), the grade of all its prose, how many
    texts that is, and the hardest of them with its own grade (None without prose)."""

    source: str
    grade: float
    texts: int
    hardest: Text | None
    hardest_grade: float

    @property
    def too_hard(self) -> bool:
        """Whether the grade is above :data:`GRADE_LIMIT`."""
        return self.grade > GRADE_LIMIT

    def __str__(self) -> str:
        """One line: ``FILE: English reading grade G ...``, a warning and the hardest text's
        line when the grade is above the limit."""
        line = f"{self.source}: English reading grade {self.grade:.1f} (Flesch-Kincaid, {self.texts} texts)"
        if not self.too_hard:
            return line
        where = self.hardest.location.line if self.hardest else None
        hardest = f"; hardest: line {where}, grade {self.hardest_grade:.1f}" if where else ""
        return (
            f"{self.source}: warning: English reading grade {self.grade:.1f} (Flesch-Kincaid) is above "
            f"{GRADE_LIMIT:g}: use shorter sentences and everyday words{hardest}"
        )


def measure(leaflet: Leaflet) -> Readability:
    """The reading grade of ``leaflet``'s English prose (see the module docstring)."""
    texts = prose(leaflet.texts())
    grades = [(reading_grade(as_sentence(text.value)), text) for text in texts]
    hardest_grade, hardest = max(grades, key=lambda found: found[0], default=(0.0, None))
    grade = reading_grade(" ".join(as_sentence(text.value) for text in texts))
    return Readability(leaflet.source, grade, len(texts), hardest, hardest_grade)
