"""Leak canaries: stories carrying unique identifiers enter through every channel (a gatherer's
form, the online form, a CSV import) and travel the whole path for real: the anonymise job, a
person's check on the check page, embedding and themes, an approved theme with a quote from a
canary story, and publishing. Everything the system says on the way is captured: application
and job logs at DEBUG, every page, URL and redirect, the jobs and audit tables staff see, the
`publish` command's output, the published file's bytes and every Datasette page.

No canary may appear anywhere but where consent and role allow it: the contact details the
storyteller agreed to leave (the `contacts` table) and the check page that shows the original
to the person checking it.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from click.testing import CliRunner
from conftest import CSRF_RE, app_config, make_user
from datasette.app import Datasette

from nlp import checks, embed
from plumbing import db as wdb
from plumbing import jobs
from workbench import create_app, demo
from workbench.commands.publishing import publish as publish_command
from workbench.publishing import publish
from workbench.publishing.schema import expected_columns


def nhs_number(body: str) -> str:
    """A 10-digit NHS number in the 999 test range with a valid modulus-11 check digit."""
    total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    assert check != 10, body
    return f"{body[:3]} {body[3:6]} {body[6:]}{check}"


@dataclass(frozen=True)
class Canary:
    name: str
    nhs: str
    phone: str
    email: str
    postcode: str

    def values(self) -> list[str]:
        return [self.name, self.nhs, self.phone, self.email, self.postcode]

    def story(self) -> str:
        return (
            f"My name is {self.name} and my NHS number is {self.nhs}. I waited six weeks for a "
            "GP appointment and the receptionist told me to ring back every morning at eight. "
            f"You can call me on {self.phone} or email {self.email}, I live at {self.postcode}."
        )


CANARIES = {
    "gatherer": Canary(
        "Ottoline Quarrington", nhs_number("999421730"), "07700 900417",
        "ottoline.quarrington@canarymail.co.uk", "WF7 9QX",
    ),
    "online": Canary(
        "Barnaby Thistlewood", nhs_number("999583214"), "07700 900583",
        "barnaby.thistlewood@canarymail.co.uk", "HD8 4ZJ",
    ),
    "import": Canary(
        "Philippa Cranwick", nhs_number("999672405"), "07700 900672",
        "philippa.cranwick@canarymail.co.uk", "BD23 6QY",
    ),
}  # fmt: skip
CONSENTS = {
    "consent_analysis": "yes",
    "consent_publish_quotes": "yes",
    "consent_share_partners": "no",
    "consent_contact": "yes",
    "consent_equality_monitoring": "no",
}
LABEL = {"name": "PERSON", "nhs": "NHS_NUMBER", "phone": "PHONE", "email": "EMAIL"}


def forms_of(value: str) -> set[str]:
    """A canary as it could show up: as typed, without spaces, URL-encoded."""
    squashed = value.replace(" ", "")
    return {value.lower(), squashed.lower(), quote(value).lower(), quote_plus(value).lower()}


NEEDLES = sorted({form for c in CANARIES.values() for v in c.values() for form in forms_of(v)})


def leaks(text: str | bytes) -> list[str]:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    lowered = text.lower()
    return [needle for needle in NEEDLES if needle in lowered]


class Capture(logging.Handler):
    """Every log record, formatted with its traceback, from every logger."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@dataclass
class Journey:
    """Everything said along the way, sorted by where it was said."""

    pages: list[tuple[str, str]] = field(default_factory=list)
    allowed_pages: list[tuple[str, str]] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    datasette: list[tuple[str, str]] = field(default_factory=list)
    error_pages: list[tuple[int, str]] = field(default_factory=list)
    published_files: dict[str, bytes] = field(default_factory=dict)
    working_tables: dict[str, list[str]] = field(default_factory=dict)
    queue_bytes: bytes = b""
    story_ids: dict[str, int] = field(default_factory=dict)
    quote_text: str = ""
    missed_by_machine: list[str] = field(default_factory=list)


class Browser:
    """A test client that records every URL, status, header and body it sees."""

    def __init__(self, app, journey: Journey):
        self.client = app.test_client()
        self.journey = journey

    def _record(self, method: str, url: str, response, allowed: bool) -> None:
        headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
        text = f"{method} {url}\n{response.status}\n{headers}\n" + response.get_data(as_text=True)
        (self.journey.allowed_pages if allowed else self.journey.pages).append((url, text))

    def get(self, url: str, allowed: bool = False, **kwargs):
        response = self.client.get(url, **kwargs)
        self._record("GET", url, response, allowed)
        return response

    def post(self, url: str, data: dict, form_page: str | None = None, **kwargs):
        page = self.get(form_page or url, allowed=kwargs.pop("allowed_form", False))
        token = CSRF_RE.search(page.get_data(as_text=True)).group(1)
        response = self.client.post(url, data={**data, "csrf_token": token}, **kwargs)
        self._record("POST", url, response, allowed=False)
        if response.status_code in (301, 302, 303):
            self.get(response.headers["Location"])
        return response

    def login(self, user) -> None:
        response = self.post("/login", {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302


PASSWORD = "correct horse battery staple"


def hidden_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(notice_id|submission_key)"[^>]*value="([^"]*)"', page))


def drain(app, db) -> None:
    """Run every queued job in this process, as a worker would (faster than a consumer)."""
    path = app.config["WORKBENCH_DB"]
    while True:
        queued = [r["id"] for r in db.query("SELECT id FROM jobs WHERE status = 'queued'")]
        if not queued:
            return
        for job_id in queued:
            jobs.run_job(job_id, path)


def submit_through_every_channel(app, db, activity_id: int, browsers: dict, journey: Journey):
    gatherer, analyst, visitor = browsers["gatherer"], browsers["analyst"], browsers["visitor"]

    url = f"/capture/activities/{activity_id}/stories/new"
    canary = CANARIES["gatherer"]
    page = gatherer.get(url).get_data(as_text=True)
    response = gatherer.post(
        url,
        {
            **hidden_fields(page),
            "channel": "in_person",
            "method": "written",
            "story": canary.story(),
            "contact_name": canary.name,
            "contact_phone": canary.phone,
            **CONSENTS,
        },
    )
    assert response.status_code == 201

    url = f"/tell/{activity_id}"
    canary = CANARIES["online"]
    page = visitor.get(url).get_data(as_text=True)
    response = visitor.post(
        url,
        {
            **hidden_fields(page),
            "story": canary.story(),
            "contact_name": canary.name,
            "contact_email": canary.email,
            **CONSENTS,
        },
    )
    assert response.status_code == 201

    canary = CANARIES["import"]
    csv_text = (
        "text,consent_analysis,consent_publish_quotes,consent_share_partners,consent_contact,"
        "consent_equality_monitoring,consent_method,contact_email,contact_phone\n"
        f'"{canary.story()}",yes,yes,no,yes,no,written,{canary.email},{canary.phone}\n'
    )
    response = analyst.post(
        "/capture/import",
        {
            "activity_id": str(activity_id),
            "channel": "paper",
            "mode": "all_or_nothing",
            "file": (io.BytesIO(csv_text.encode()), "stories.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "1 of 1 rows imported" in response.get_data(as_text=True)

    for channel, canary in CANARIES.items():
        row = db.execute("SELECT id FROM stories WHERE text LIKE ?", [f"%{canary.nhs}%"]).fetchone()
        assert row, channel
        journey.story_ids[channel] = row[0]


def provoke_error_pages(client, activity_id: int, journey: Journey) -> None:
    """Requests that fail while carrying a canary: the answer must not repeat it."""
    canary = CANARIES["online"]
    probes = [
        client.post(f"/tell/{activity_id}", data={"story": canary.story()}),  # no CSRF token
        client.get(f"/tell/{activity_id + 999}"),
        client.get(f"/no-such-page/{quote(canary.email)}"),
        client.post("/receipt", data={"reference": canary.nhs, "secret": canary.phone}),
        client.put(f"/tell/{activity_id}", data={"story": canary.story()}),
    ]
    for response in probes:
        headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
        journey.error_pages.append(
            (response.status_code, headers + "\n" + response.get_data(as_text=True))
        )


def check_like_a_person(browser: Browser, story_id: int, canary: Canary, journey: Journey):
    """Keep the machine's findings, add any canary it missed, and confirm."""
    url = f"/checks/{story_id}"
    page = browser.get(url, allowed=True).get_data(as_text=True)
    kept = re.findall(r'name="finding" value="(\d+:\d+:[A-Z_]+)"', page)
    spans = [tuple(int(x) for x in k.split(":")[:2]) for k in kept]
    text = canary.story()
    added = []
    for kind in ("name", "nhs", "phone", "email", "postcode"):
        value = getattr(canary, kind)
        for match in re.finditer(re.escape(value), text):
            covered = any(s <= match.start() and match.end() <= e for s, e in spans)
            if not covered:
                label = LABEL.get(kind, "POSTCODE")
                added.append(f"{match.start()}:{match.end()}:{label}")
                journey.missed_by_machine.append(kind)
    shown = re.search(r'name="shown" value="([^"]*)"', page).group(1)
    response = browser.post(
        url, {"finding": kept + added, "action": "confirm", "shown": shown}, allowed_form=True
    )
    assert response.status_code == 302


def approve_a_theme_quoting_a_canary_story(app, db, analyst: Browser, activity_id, journey):
    story_id = journey.story_ids["online"]
    row = db.execute(
        "SELECT t.id, t.topic FROM theme_members m JOIN themes t ON t.id = m.theme_id "
        "WHERE m.story_id = ? AND t.activity_id = ?",
        [story_id, activity_id],
    ).fetchone()
    largest = db.execute(
        "SELECT t.id FROM themes t JOIN theme_members m ON m.theme_id = t.id "
        "WHERE t.activity_id = ? AND t.topic != -1 AND t.status != 'retired' "
        "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1",
        [activity_id],
    ).fetchone()
    assert largest, "no themes were fitted"
    theme_id = row[0] if row and row[1] != -1 else largest[0]
    if not row or row[1] == -1:
        source = row[0] if row else largest[0]
        analyst.post(
            f"/review/themes/{source}/move",
            {"story": str(story_id), "to_theme": str(theme_id)},
            form_page=f"/review/themes/{source}",
        )
    anonymised = db.execute(
        "SELECT text FROM anonymisations WHERE story_id = ?", [story_id]
    ).fetchone()[0]
    journey.quote_text = anonymised.split(". ")[0].strip()
    theme_page = f"/review/themes/{theme_id}"
    analyst.post(
        f"{theme_page}/quotes",
        {"story": str(story_id), "text": journey.quote_text},
        form_page=theme_page,
    )
    analyst.post(f"{theme_page}/status", {"status": "approved"}, form_page=theme_page)
    drain(app, db)


def datasette_pages(published: Path) -> list[tuple[str, str]]:
    async def run():
        ds = Datasette(
            [str(published)],
            metadata=publish.metadata(published),
            settings=publish.DATASETTE_SETTINGS,
        )
        await ds.invoke_startup()
        home = await ds.client.get("/")
        urls = ["/", "/published", "/-/planner", "/-/metadata.json"]
        urls += sorted(set(re.findall(r'href="(/-/planner/[^"#?]+)"', home.text)))
        for table in sorted(expected_columns()):
            urls += [f"/published/{table}", f"/published/{table}.json"]
            urls += [f"/published/{table}.csv", f"/published/{table}.json?_shape=array"]
        pages = [("/", home.text)]
        for url in urls[1:]:
            response = await ds.client.get(url)
            pages.append((url, f"{response.status_code}\n{response.text}"))
        return pages

    return asyncio.run(run())


@pytest.fixture(scope="module")
def journey(tmp_path_factory) -> Journey:
    tmp = tmp_path_factory.mktemp("canaries")
    capture = Capture()
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    # numba logs its compiler passes at DEBUG (thousands of lines, no data): not ours to read.
    numba_logger = logging.getLogger("numba")
    numba_level = numba_logger.level
    numba_logger.setLevel(logging.WARNING)
    journey = Journey()
    try:
        app = create_app({"TESTING": True, **app_config(tmp, RATELIMIT_ENABLED=False)})
        db = wdb.connect(app.config["WORKBENCH_DB"])
        # About 33 stories land in each demo activity: themes fit over one activity's.
        demo.load(db, stories=100)
        activity_id = db.execute("SELECT min(id) FROM activities").fetchone()[0]
        browsers = {role: Browser(app, journey) for role in ("gatherer", "analyst", "visitor")}
        for role in ("gatherer", "analyst"):
            browsers[role].login(make_user(db, role, f"canary-{role}", PASSWORD))

        submit_through_every_channel(app, db, activity_id, browsers, journey)
        provoke_error_pages(browsers["visitor"].client, activity_id, journey)
        drain(app, db)  # the anonymise jobs the forms queued
        demo_ids = [
            r[0]
            for r in db.execute(
                "SELECT id FROM stories WHERE activity_id = ? "
                "AND id NOT IN (SELECT story_id FROM anonymisations)",
                [activity_id],
            )
        ]
        for story_id in demo_ids:  # the demo corpus is checked as the demo loader does
            checks.anonymise_story(db, story_id)
            checks.apply_check(db, story_id, checks.findings_for(db, story_id), checked_by=None)
        for channel, story_id in journey.story_ids.items():
            checker = browsers["gatherer" if channel == "gatherer" else "analyst"]
            check_like_a_person(checker, story_id, CANARIES[channel], journey)
        drain(app, db)  # after_check: embed, place, tag

        in_activity = db.execute("SELECT id FROM stories WHERE activity_id = ?", [activity_id])
        embed.ensure_embeddings(db, [r[0] for r in in_activity])
        analyst = browsers["analyst"]
        analyst.post(
            "/review/themes/run",
            {"activity": str(activity_id)},
            form_page=f"/review/themes?activity={activity_id}",
        )
        drain(app, db)
        approve_a_theme_quoting_a_canary_story(app, db, analyst, activity_id, journey)
        analyst.post("/publishing/publish", {}, form_page="/publishing/")
        drain(app, db)
        for url in ("/", "/checks/", f"/review/themes?activity={activity_id}", "/publishing/"):
            analyst.get(url)
        for story_id in journey.story_ids.values():
            analyst.get(f"/checks/{story_id}")  # checked: the original is gone

        export = tmp / "exported.db"
        result = CliRunner().invoke(
            publish_command,
            ["--to", str(export)],
            env={"WORKBENCH_DB": app.config["WORKBENCH_DB"]},
        )
        assert result.exit_code == 0, result.output
        journey.exports.append(result.output)

        published = Path(app.config["WORKBENCH_PUBLISHED_DB"])
        files = [export, *published.parent.glob("published*"), publish.metadata_path(published)]
        for path in files:
            if path.is_file():
                journey.published_files[path.name] = path.read_bytes()
        journey.datasette = datasette_pages(published)

        for table in db.table_names():
            journey.working_tables[table] = [
                " | ".join(str(v) for v in row.values()) for row in db[table].rows
            ]
        db.close()
        journey.queue_bytes = (tmp / "queue.db").read_bytes()
    finally:
        root.removeHandler(capture)
        root.setLevel(previous_level)
        numba_logger.setLevel(numba_level)
    journey.logs = capture.lines
    return journey


def test_the_whole_path_really_ran(journey):
    """Without this the other tests could pass by testing nothing."""
    assert set(journey.story_ids) == {"gatherer", "online", "import"}
    published = sqlite3.connect(":memory:")
    published.deserialize(journey.published_files["published.db"])
    approved = published.execute("SELECT count(*) FROM themes").fetchone()[0]
    quotes = [row[0] for row in published.execute("SELECT text FROM quotes")]
    assert approved >= 1
    assert journey.quote_text in quotes
    assert "[" in journey.quote_text  # the quote is the anonymised text, placeholders and all
    assert journey.logs, "no logs were captured"
    assert len(journey.datasette) > 20
    # The machine alone caught the structured identifiers; people add what it misses.
    assert not {"nhs", "phone", "email"} & set(journey.missed_by_machine)


def test_no_canary_in_application_or_job_logs(journey):
    assert [line for line in journey.logs if leaks(line)] == []


def test_no_canary_in_any_page_url_header_or_redirect(journey):
    assert len(journey.pages) > 30
    assert [(url, leaks(text)) for url, text in journey.pages if leaks(text)] == []


def test_no_canary_in_error_pages(journey):
    assert {status for status, _text in journey.error_pages} >= {400, 404, 405}
    assert [status for status, text in journey.error_pages if leaks(text)] == []


def test_only_the_check_page_shows_the_original_to_its_checker(journey):
    shown = [url for url, text in journey.allowed_pages if leaks(text)]
    assert shown, "the check page should show the original to the person checking it"
    assert all(url.startswith(("/checks/", "/capture/activities/", "/tell/")) for url in shown)


def test_no_canary_in_the_published_files_or_exports(journey):
    for name, data in journey.published_files.items():
        assert leaks(data) == [], name
    assert [out for out in journey.exports if leaks(out)] == []


def test_no_canary_in_any_datasette_page(journey):
    assert [(url, leaks(text)) for url, text in journey.datasette if leaks(text)] == []


def test_no_canary_in_the_job_queue(journey):
    assert leaks(journey.queue_bytes) == []


def test_canaries_stay_only_in_the_contact_details_people_agreed_to_leave(journey):
    holding = {table for table, rows in journey.working_tables.items() for r in rows if leaks(r)}
    assert holding == {"contacts"}
    # The originals went when the check was confirmed (WORKBENCH_KEEP_ORIGINAL=none).
    for row in journey.working_tables["stories"]:
        assert not leaks(row)
