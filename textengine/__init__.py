"""textengine: multi-script text for ReportLab, with no knowledge of leaflets.

Pure functions (no ReportLab):

* :mod:`~textengine.scripts`: what each script is like (right to left, shaped, written without spaces);
* :mod:`~textengine.font_config`: a fonts folder's ``fonts.toml``, the families and the script each draws;
* :mod:`~textengine.characters`: which characters input text may carry to a page (no bidi controls,
  invisible or control characters);
* :mod:`~textengine.itemise`: itemising text into runs of one family and script (UAX #24), and glyph coverage;
* :mod:`~textengine.bidi`: Unicode bidi (UAX #9) embedding levels and the visual order of a line;
* :mod:`~textengine.linebreak`: line-break opportunities without spaces (ICU: CJK, Thai, Lao, Khmer, Myanmar);
* :mod:`~textengine.hyphenate`: where a word too long for a line may take a hyphen (pyphen's dictionaries);
* :mod:`~textengine.fpdf_bidi`: fpdf2's bidi module, loaded without the rest of fpdf2;
* :mod:`~textengine.errors`: :class:`~textengine.errors.TextEngineError` and its subclasses;
* :mod:`~textengine.memos`: the bounded memos kept between paragraphs and documents.

With ReportLab:

* :mod:`~textengine.fonts`: registering font families, keyed by the font file, into a font stack;
* :mod:`~textengine.shaping`: HarfBuzz shaping of one run;
* :mod:`~textengine.text_layer`: the letters each shaped glyph stands for, in the PDF's ToUnicode CMap;
* :mod:`~textengine.paragraph`: :class:`~textengine.paragraph.BidiParagraph`, the flowable that sets
  right-to-left, mixed and CJK paragraphs;
* :mod:`~textengine.fitted`: :class:`~textengine.fitted.FittedParagraph`, ReportLab's Paragraph whose
  words always fit their column (hyphenated, or set smaller).

It could be published on its own: it imports nothing from :mod:`medleaflet`,
and importing the package itself imports none of its modules.
"""
