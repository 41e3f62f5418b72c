"""Export an activity for qualitative-analysis tools: a REFI-QDA project (.qdpx) and CSV/JSON.

The .qdpx is the open exchange format read by NVivo, ATLAS.ti, MAXQDA and QualCoder: a zip
holding `project.qde` (XML in the `urn:QDA-XML:project:1.0` namespace) and one plain-text file
per source under `sources/`. Sources are the activity's anonymised stories that a person
checked, from tellers who agreed to analysis; codes are the activity's themes and its
framework's priorities; each story is coded, as a whole, with its theme and priorities, and each
chosen quote is coded as a segment of its story. Every export is validated against the
standard's Project.xsd (shipped in workbench/feedback/data). GUIDs are fresh each export and
sources are named "Story 1", "Story 2"..., so nothing in the file leads back to a receipt.

Every text goes out through `consent.text.clean_text` (LF line endings, no control
characters), for text stored before capture cleaned it: a control character is not valid XML,
and QualCoder reads sources with universal newlines, so a CR would shift every later quote.
Code names are unique across the code book: QualCoder merges codes by name, so a theme and a
priority called alike would lose one's codings.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

import sqlite_utils

import consent
from consent.text import clean_text
from nlp import checks, embed
from nlp.tagging import store as tag_store
from nlp.themes import store as theme_store
from plumbing import clock

if TYPE_CHECKING:
    import xmlschema

NS = "urn:QDA-XML:project:1.0"
SCHEMA_PATH = Path(__file__).parent / "data" / "refi_qda_project.xsd"
THEME_COLOUR, PRIORITY_COLOUR = "#1d70b8", "#00703c"


@dataclass
class ExportStory:
    """One exported story: its public name, text and what it is coded with."""

    name: str
    text: str
    channel: str
    month: str
    area: str | None
    themes: list[str] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (theme label, excerpt)


@lru_cache(maxsize=1)
def schema() -> xmlschema.XMLSchema:
    """The REFI-QDA Project.xsd, parsed once. xmlschema is imported here, not at the top: it
    takes a fifth of a second, and every workbench command (anonymise too) imports this module
    to register its own."""
    import xmlschema

    return xmlschema.XMLSchema(str(SCHEMA_PATH))


def export_stories(db: sqlite_utils.Database, activity_id: int) -> list[ExportStory]:
    """The analyst's view of an activity: checked anonymised stories with consent to analysis."""
    current = {
        theme_id: theme
        for theme_id, theme in theme_store.themes_by_id(db).items()
        if theme["status"] != "retired"
    }
    in_activity = {t: theme for t, theme in current.items() if theme["activity_id"] == activity_id}
    themes: dict[int, list[str]] = {}
    for theme_id, story_ids in theme_store.members(db, in_activity).items():
        for story_id in story_ids:
            themes.setdefault(story_id, []).append(in_activity[theme_id]["label"])
    titles = {(p["framework_id"], p["id"]): p["title"] for p in tag_store.all_priorities(db)}
    priorities: dict[int, list[str]] = {}
    for tag in tag_store.counted_tags(db):
        title = titles.get((tag["framework_id"], tag["priority_id"]))
        if title is not None:
            priorities.setdefault(tag["story_id"], []).append(title)
    quotes: dict[int, list[tuple[str, str]]] = {}
    for quote in theme_store.quotes(db):
        if quote["theme_id"] in current:
            quotes.setdefault(quote["story_id"], []).append(
                (current[quote["theme_id"]]["label"], quote["text"])
            )
    checked = checks.checked_story_ids(db, activity_id)
    analysed = consent.granted_story_ids(db, "analysis", checked)
    facts = consent.story_facts(db, analysed)
    texts = {
        story_id: clean_text(text) for story_id, text in embed.checked_texts(db, facts).items()
    }
    ordered = sorted(facts.values(), key=lambda s: (s["created_at"], s["id"]))
    return [
        ExportStory(
            name=f"Story {n}",
            text=texts[story["id"]],
            channel=story["channel"],
            month=story["created_at"][:7],
            area=clean_text(story["area"]) if story["area"] else story["area"],
            themes=sorted(themes.get(story["id"], [])),
            priorities=sorted(priorities.get(story["id"], [])),
            quotes=[
                (label, clean_text(excerpt))
                for label, excerpt in quotes.get(story["id"], [])
                if clean_text(excerpt) in texts[story["id"]]
            ],
        )
        for n, story in enumerate(ordered, start=1)
    ]


def _codebook(db: sqlite_utils.Database, activity_id: int) -> tuple[list[str], list[str]]:
    themes = sorted(
        {
            theme["label"]
            for theme in theme_store.themes_by_id(db).values()
            if theme["activity_id"] == activity_id and theme["status"] != "retired"
        }
    )
    activity = consent.get_activity(db, activity_id)
    framework = activity["framework_id"] if activity else None
    priorities = sorted(
        p["title"] for p in tag_store.all_priorities(db) if p["framework_id"] == framework
    )
    return themes, priorities


def code_names(themes: list[str], priorities: list[str]) -> dict[tuple[str, str], str]:
    """The name each code is exported under, unique across the code book.

    A name used once stays as it is; a name in both groups (or twice in one) is told apart by
    its group, then by a number: "Waiting (theme)" and "Waiting (priority)".
    """
    entries = [("Themes", t) for t in themes] + [("Priorities", p) for p in priorities]
    shown = {entry: " ".join(clean_text(entry[1]).split()) for entry in entries}
    counts: dict[str, int] = {}
    for name in shown.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    kind = {"Themes": "theme", "Priorities": "priority"}
    taken: set[str] = set()
    names = {}
    for entry in entries:
        name = shown[entry]
        if counts[name.casefold()] > 1:
            name = f"{name} ({kind[entry[0]]})"
        unique, n = name, 2
        while unique.casefold() in taken:
            unique, n = f"{name} {n}", n + 1
        taken.add(unique.casefold())
        names[entry] = unique
    return names


def _guid() -> str:
    return str(uuid.uuid4())


def project_xml(
    title: str, stories: list[ExportStory], themes: list[str], priorities: list[str]
) -> tuple[bytes, dict[str, str]]:
    """The project.qde document and its source files (path in the zip -> text)."""
    stamp = clock.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    user = _guid()
    ET.register_namespace("", NS)
    exported_names = code_names(themes, priorities)
    project = ET.Element(
        f"{{{NS}}}Project",
        {
            "name": clean_text(title),
            "origin": "Story Workbench",
            "creatingUserGUID": user,
            "creationDateTime": stamp,
        },
    )
    users = ET.SubElement(project, f"{{{NS}}}Users")
    ET.SubElement(users, f"{{{NS}}}User", {"guid": user, "name": "Story Workbench export"})
    codes = ET.SubElement(ET.SubElement(project, f"{{{NS}}}CodeBook"), f"{{{NS}}}Codes")
    code_guids: dict[tuple[str, str], str] = {}
    for group, names, colour in (
        ("Themes", themes, THEME_COLOUR),
        ("Priorities", priorities, PRIORITY_COLOUR),
    ):
        parent = ET.SubElement(
            codes, f"{{{NS}}}Code", {"guid": _guid(), "name": group, "isCodable": "false"}
        )
        for name in names:
            code_guids[(group, name)] = _guid()
            ET.SubElement(
                parent,
                f"{{{NS}}}Code",
                {
                    "guid": code_guids[(group, name)],
                    "name": exported_names[(group, name)],
                    "isCodable": "true",
                    "color": colour,
                },
            )
    files = {}
    if stories:
        sources = ET.SubElement(project, f"{{{NS}}}Sources")
        for story in stories:
            guid = _guid()
            files[f"sources/{guid}.txt"] = story.text
            source = ET.SubElement(
                sources,
                f"{{{NS}}}TextSource",
                {
                    "guid": guid,
                    "name": story.name,
                    "plainTextPath": f"internal://{guid}.txt",
                    "creatingUser": user,
                    "creationDateTime": stamp,
                },
            )
            ET.SubElement(source, f"{{{NS}}}Description").text = (
                f"Told {story.month} by {story.channel}"
                + (f", about {story.area}" if story.area else "")
            )
            segments = [
                (
                    0,
                    len(story.text),
                    story.name,
                    [("Themes", t) for t in story.themes]
                    + [("Priorities", p) for p in story.priorities],
                )
            ]
            for label, excerpt in story.quotes:
                start = story.text.index(excerpt)
                segments.append(
                    (
                        start,
                        start + len(excerpt),
                        f"Quote: {clean_text(label)}",
                        [("Themes", label)],
                    )
                )
            for start, end, name, coded in segments:
                coded = [c for c in coded if c in code_guids]
                if not coded:
                    continue
                selection = ET.SubElement(
                    source,
                    f"{{{NS}}}PlainTextSelection",
                    {
                        "guid": _guid(),
                        "name": name,
                        "startPosition": str(start),
                        "endPosition": str(end),
                        "creatingUser": user,
                        "creationDateTime": stamp,
                    },
                )
                for code in coded:
                    coding = ET.SubElement(
                        selection,
                        f"{{{NS}}}Coding",
                        {"guid": _guid(), "creatingUser": user, "creationDateTime": stamp},
                    )
                    ET.SubElement(coding, f"{{{NS}}}CodeRef", {"targetGUID": code_guids[code]})
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    return xml, files


def build_qdpx(db: sqlite_utils.Database, activity_id: int) -> bytes:
    """The .qdpx zip for an activity, validated against Project.xsd (raises if invalid)."""
    activity = consent.get_activity(db, activity_id)
    if activity is None:
        raise LookupError("no such activity")
    themes, priorities = _codebook(db, activity_id)
    xml, files = project_xml(activity["title"], export_stories(db, activity_id), themes, priorities)
    schema().validate(xml.decode("utf-8"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for path, text in files.items():
            archive.writestr(path, text.encode("utf-8"))
    return buffer.getvalue()


def read_qdpx(data: bytes) -> dict:
    """Read a .qdpx back: codes, and per source its text and coded segments.

    Returns {"codes": {group: [names]}, "sources": {name: {"text", "segments": [(start, end,
    [code names])]}}}; raises xmlschema errors if project.qde is not valid.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("project.qde")
        schema().validate(xml.decode("utf-8"))
        root = ET.fromstring(xml)
        q = f"{{{NS}}}"
        names, codes = {}, {}
        for group in root.iterfind(f"{q}CodeBook/{q}Codes/{q}Code"):
            codes[group.get("name")] = [c.get("name") for c in group.iterfind(f"{q}Code")]
            for code in group.iterfind(f"{q}Code"):
                names[code.get("guid")] = code.get("name")
        sources = {}
        for source in root.iterfind(f"{q}Sources/{q}TextSource"):
            path = source.get("plainTextPath").removeprefix("internal://")
            sources[source.get("name")] = {
                "text": archive.read(f"sources/{path}").decode("utf-8"),
                "segments": [
                    (
                        int(sel.get("startPosition")),
                        int(sel.get("endPosition")),
                        [
                            names[ref.get("targetGUID")]
                            for ref in sel.iterfind(f"{q}Coding/{q}CodeRef")
                        ],
                    )
                    for sel in source.iterfind(f"{q}PlainTextSelection")
                ],
            }
    return {"codes": codes, "sources": sources}


VIEW_COLUMNS = ("story", "channel", "month", "area", "themes", "priorities", "text")


def analyst_view(db: sqlite_utils.Database, activity_id: int) -> list[dict]:
    """The same stories as the .qdpx, as rows for CSV or JSON."""
    return [
        {
            "story": s.name,
            "channel": s.channel,
            "month": s.month,
            "area": s.area,
            "themes": "; ".join(s.themes),
            "priorities": "; ".join(s.priorities),
            "text": s.text,
        }
        for s in export_stories(db, activity_id)
    ]


def spreadsheet_safe(value: str | None) -> str:
    """A cell a spreadsheet will not run as a formula (text opening with = + - @ is quoted)."""
    text = value or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def analyst_view_csv(db: sqlite_utils.Database, activity_id: int) -> str:
    """The analyst's view as CSV, safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=VIEW_COLUMNS)
    writer.writeheader()
    for row in analyst_view(db, activity_id):
        writer.writerow(
            {k: spreadsheet_safe(str(v) if v is not None else None) for k, v in row.items()}
        )
    return buffer.getvalue()


def analyst_view_json(db: sqlite_utils.Database, activity_id: int) -> str:
    """The analyst's view as a JSON list of objects."""
    return json.dumps(analyst_view(db, activity_id), indent=2, ensure_ascii=False)
