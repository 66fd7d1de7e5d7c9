"""Section ``seek_help``: when to get help, with the emergency number and the clinic's contact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from medleaflet.i18n import ui
from medleaflet.sections.blocks import lines_to_write_on
from medleaflet.sections.registry import N_, Bullets, Kit, Section, Story, Text, model

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Table

    from medleaflet.content.clinic import Clinic


@model
class SeekHelp:
    emergency_intro: Text
    emergency: Bullets
    clinic_intro: Text


# TRANSLATORS: Section heading.
HEADING = N_("ui:section.seek_help", "When to get help")
# TRANSLATORS: Title of the red emergency box in "When to get help".
EMERGENCY_BOX_TITLE = N_("ui:seek_help.emergency_box_title", "Emergency: get help now")
# TRANSLATORS: Label of a blank line where the clinic writes its name.
CLINIC_NAME = N_("ui:seek_help.clinic_name", "Clinic or pharmacy")
# TRANSLATORS: Label of a blank line where the clinic writes its phone number.
CLINIC_PHONE = N_("ui:seek_help.clinic_phone", "Phone")
# TRANSLATORS: Label of a blank line for the local emergency phone number.
EMERGENCY_NUMBER = N_("ui:seek_help.emergency_number", "Emergency number")
# TRANSLATORS: Printed in the red emergency box; {number} is the local emergency number, e.g. 911.
EMERGENCY_CALL = N_("ui:seek_help.emergency_call", "Emergency number: {number}")
# TRANSLATORS: The national poison information line; {number} is a phone number.
POISON_CALL = N_("ui:seek_help.poison_call", "Poison information: {number}")
# TRANSLATORS: Caption under a QR code that opens the clinic's website.
QR_CAPTION = N_("ui:seek_help.qr_caption", "Scan to open the clinic's website")


def render(kit: Kit, section: SeekHelp) -> Story:
    """Emergency signs in a red box with the emergency number of the clinic's
    country, then the clinic's contact (or blank lines to write it on)."""
    from reportlab.platypus import KeepTogether  # rendering code: loaded to lay out, not by list or status

    content = [
        kit.p(kit.u(EMERGENCY_BOX_TITLE), "warning_title"),
        kit.p(kit.t(section.emergency_intro), "warning"),
        *kit.bullets(section.emergency, "warning_bullet"),
    ]
    if kit.clinic:
        numbers = kit.clinic.emergency
        content.append(kit.p(kit.u(EMERGENCY_CALL, number=numbers.number), "emergency_number"))
        if numbers.poison:
            content.append(kit.p(kit.u(POISON_CALL, number=numbers.poison), "warning"))
    contact = clinic_contact(kit, kit.clinic) if kit.clinic else write_in_lines(kit)
    return [kit.box(content, "warning"), KeepTogether([kit.p(kit.t(section.clinic_intro)), contact])]


def qr_code(data: str, size: float) -> Drawing:
    """A QR code (ReportLab's own widget) encoding ``data`` exactly, ``size`` points square."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # rendering code: loaded to lay out, not by list or status
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def clinic_contact(kit: Kit, clinic: Clinic) -> Table:
    """The clinic's name, address, phone and website, with a QR code for the website."""
    from reportlab.platypus import Spacer  # rendering code: loaded to lay out, not by list or status

    lines: Story = [
        kit.p(clinic.name, "body_bold"),
        kit.p(clinic.address),
        kit.p(kit.u(ui.CLINIC_PHONE_LINE, phone=clinic.phone), "body_bold"),
    ]
    if clinic.website:
        lines.append(kit.p(clinic.website))
    qr: Story = []
    if clinic.website:
        qr = [kit.figure(qr_code(clinic.website, 26 * mm), alt=clinic.website), kit.p(kit.u(QR_CAPTION), "small")]
    widths = [kit.width - 34 * mm, 34 * mm] if qr else [kit.width, 0.01]
    table = kit.table(
        [[lines, qr or Spacer(1, 1)]],
        widths,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    table.spaceAfter = 6
    return table


def write_in_lines(kit: Kit) -> Table:
    """Blank lines for the clinic to write its name and phone numbers on."""
    return lines_to_write_on(
        kit, [kit.u(label) for label in (CLINIC_NAME, CLINIC_PHONE, EMERGENCY_NUMBER)], label_share=0.3
    )


SECTION = Section.of("seek_help", HEADING, SeekHelp, render)
