"""Priority frameworks: the strategic priorities an organisation tags stories to.

A framework is written as YAML:
`id`, `title`, optional `source`, and a list of `priorities`, each with `id`, `title`,
`description`, optional `examples` and optional `parent`. Loading validates everything an
administrator can get wrong and says where; storing keeps a version number that goes up only
when the framework actually changes, so tags can say which version proposed them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import yaml
from sqlite_utils import Database

from plumbing import db as wdb

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class FrameworkError(ValueError):
    """A framework file that cannot be used, with a message an administrator can act on."""


class UnknownFrameworkError(FrameworkError, LookupError):
    """No framework with that id has been stored."""


@dataclass(frozen=True)
class Priority:
    id: str
    title: str
    description: str
    examples: tuple[str, ...] = ()
    parent: str | None = None

    def phrases(self) -> list[str]:
        """The texts a story is compared with: title, description and each example."""
        return [self.title.strip(), self.description.strip(), *(e.strip() for e in self.examples)]


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    priorities: tuple[Priority, ...]
    source: str = ""
    yaml_text: str = ""
    # Problems that did not stop loading, e.g. a description filled in from the title.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def priority(self, priority_id: str) -> Priority:
        for priority in self.priorities:
            if priority.id == priority_id:
                return priority
        raise KeyError(priority_id)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.priorities]

    def top_level(self) -> Framework:
        """The same framework with only the priorities that have no parent; the titles of the
        narrower priorities beneath each one become its examples."""
        return Framework(
            id=self.id,
            title=self.title,
            priorities=tuple(
                replace(p, examples=(*p.examples, *self._descendant_titles(p.id)))
                for p in self.priorities
                if p.parent is None
            ),
            source=self.source,
            yaml_text=self.yaml_text,
            warnings=self.warnings,
        )

    def _descendant_titles(self, priority_id: str) -> list[str]:
        titles = []
        for child in self.priorities:
            if child.parent == priority_id:
                titles += [child.title.strip(), *self._descendant_titles(child.id)]
        return titles

    def content(self) -> dict:
        """Everything that defines the framework, for change detection (not the YAML layout)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "priorities": [
                {
                    "id": p.id,
                    "title": p.title,
                    "description": p.description,
                    "examples": list(p.examples),
                    "parent": p.parent,
                }
                for p in self.priorities
            ],
        }


def load_framework(text_or_path: str | Path) -> Framework:
    """Parse and validate a framework from YAML text (a `str`) or a file (a `Path`).

    A string is always YAML text, never a file name: a web form's text that looked like a path
    must not make the server read (and echo the `id` of) a file of the requester's choosing.

    Raises FrameworkError naming the line of a YAML syntax error, or the priority and field at
    fault. A priority without a description falls back to its title, with a warning in
    `Framework.warnings`, because zero-shot tagging still works (less well) from a title alone.
    """
    text = _read_text(text_or_path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "could not be parsed"
        raise FrameworkError(f"malformed YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise FrameworkError("a framework must be a YAML mapping with id, title and priorities")
    return _validate(data, text)


def _read_text(text_or_path: str | Path) -> str:
    if isinstance(text_or_path, Path):
        return _read_file(text_or_path)
    return text_or_path


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise FrameworkError(f"cannot read framework file {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise FrameworkError(f"framework file {path} is not UTF-8 text") from None


def _validate(data: dict, text: str) -> Framework:
    framework_id = _required_text(data, "id", "the framework")
    if not ID_PATTERN.match(framework_id):
        raise FrameworkError(
            f"framework id {framework_id!r} must be lower-case letters, digits and hyphens"
        )
    title = _required_text(data, "title", f"framework {framework_id!r}")
    raw_priorities = data.get("priorities")
    if not isinstance(raw_priorities, list) or not raw_priorities:
        raise FrameworkError(f"framework {framework_id!r} needs a non-empty list of priorities")

    priorities: list[Priority] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_priorities, start=1):
        where = f"priority {number}"
        if not isinstance(raw, dict):
            raise FrameworkError(f"{where} must be a mapping with id, title and description")
        priority_id = _required_text(raw, "id", where)
        where = f"priority {number} ({priority_id!r})"
        if priority_id in seen:
            raise FrameworkError(f"duplicate priority id {priority_id!r} ({where})")
        seen.add(priority_id)
        priority_title = _required_text(raw, "title", where)
        description = raw.get("description")
        if description is None or (isinstance(description, str) and not description.strip()):
            description = priority_title.strip()
            warnings.append(f"{where} has no description; its title is used instead")
        elif not isinstance(description, str):
            raise FrameworkError(f"{where}: description must be text")
        examples = raw.get("examples") or []
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise FrameworkError(f"{where}: examples must be a list of phrases")
        parent = raw.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise FrameworkError(f"{where}: parent must be the id of another priority")
        priorities.append(
            Priority(
                id=priority_id,
                title=priority_title,
                description=description,
                examples=tuple(e for e in examples if e.strip()),
                parent=parent,
            )
        )

    for priority in priorities:
        if priority.parent is not None and priority.parent not in seen:
            raise FrameworkError(
                f"priority {priority.id!r} names unknown parent {priority.parent!r}"
            )
    parents = {p.id: p.parent for p in priorities}
    for priority in priorities:
        ancestor, steps = priority.parent, 0
        while ancestor is not None:
            steps += 1
            if ancestor == priority.id or steps > len(parents):
                raise FrameworkError(f"priority {priority.id!r} is its own ancestor")
            ancestor = parents[ancestor]

    source = data.get("source") or ""
    return Framework(
        id=framework_id,
        title=title.strip(),
        priorities=tuple(priorities),
        source=str(source).strip(),
        yaml_text=text,
        warnings=tuple(warnings),
    )


def _required_text(mapping: dict, key: str, where: str) -> str:
    value = mapping.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise FrameworkError(f"{where} is missing a {key}")
    # Titles keep their spacing: labelled data may spell them with stray spaces.
    return value.strip() if key == "id" else value


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def store_framework(db: Database, framework: Framework) -> int:
    """Save a framework and return its version: unchanged content keeps the version, any change
    bumps it. Priorities are updated in place so existing tags survive; a priority removed from
    the framework takes its tags with it, and a changed priority loses its calibrated threshold.
    """
    with wdb.write(db):
        existing = _stored_content(db, framework.id)
        row = db.execute("SELECT version FROM frameworks WHERE id = ?", [framework.id]).fetchone()
        if row is not None and existing == framework.content():
            return row[0]
        version = (row[0] + 1) if row else 1
        db["frameworks"].upsert(
            {
                "id": framework.id,
                "title": framework.title,
                "source": framework.source,
                "version": version,
                "yaml": framework.yaml_text,
                "updated_at": _now(),
            },
            pk="id",
        )
        old = {p["id"]: p for p in (existing or {}).get("priorities", [])}
        keep = set(framework.ids)
        for gone in set(old) - keep:
            db.execute(
                "DELETE FROM priorities WHERE framework_id = ? AND id = ?", [framework.id, gone]
            )
        new_content = {p["id"]: p for p in framework.content()["priorities"]}
        for priority in framework.priorities:
            values = {
                "title": priority.title,
                "description": priority.description,
                "examples": json.dumps(list(priority.examples)),
                "parent": priority.parent,
            }
            if priority.id in old:
                if old[priority.id] != new_content[priority.id]:
                    db.execute(
                        "UPDATE priorities SET title = ?, description = ?, examples = ?, "
                        "parent = ?, threshold = NULL WHERE framework_id = ? AND id = ?",
                        [*values.values(), framework.id, priority.id],
                    )
            else:
                db["priorities"].insert({"framework_id": framework.id, "id": priority.id, **values})
    return version


def _stored_content(db: Database, framework_id: str) -> dict | None:
    row = db.execute("SELECT title, source FROM frameworks WHERE id = ?", [framework_id]).fetchone()
    if row is None:
        return None
    priorities = [
        {
            "id": p["id"],
            "title": p["title"],
            "description": p["description"],
            "examples": json.loads(p["examples"]),
            "parent": p["parent"],
        }
        for p in db.query(
            "SELECT id, title, description, examples, parent FROM priorities "
            "WHERE framework_id = ? ORDER BY rowid",
            [framework_id],
        )
    ]
    return {"id": framework_id, "title": row[0], "source": row[1] or "", "priorities": priorities}


def get_framework(db: Database, framework_id: str) -> Framework:
    """The stored framework, priorities in file order; UnknownFrameworkError if there is none."""
    content = _stored_content(db, framework_id)
    if content is None:
        raise UnknownFrameworkError(f"unknown framework {framework_id!r}")
    yaml_text = db.execute("SELECT yaml FROM frameworks WHERE id = ?", [framework_id]).fetchone()[0]
    return Framework(
        id=framework_id,
        title=content["title"],
        source=content["source"],
        yaml_text=yaml_text,
        priorities=tuple(
            Priority(
                id=p["id"],
                title=p["title"],
                description=p["description"],
                examples=tuple(p["examples"]),
                parent=p["parent"],
            )
            for p in content["priorities"]
        ),
    )


def framework_version(db: Database, framework_id: str) -> int:
    """The stored version number; UnknownFrameworkError if there is none."""
    row = db.execute("SELECT version FROM frameworks WHERE id = ?", [framework_id]).fetchone()
    if row is None:
        raise UnknownFrameworkError(f"unknown framework {framework_id!r}")
    return row[0]


def list_frameworks(db: Database) -> list[dict]:
    """Every stored framework: id, title, source, version, updated_at and n_priorities."""
    return list(
        db.query(
            "SELECT f.id, f.title, f.source, f.version, f.updated_at, "
            "(SELECT count(*) FROM priorities p WHERE p.framework_id = f.id) AS n_priorities "
            "FROM frameworks f ORDER BY f.title"
        )
    )


class UnknownLabelError(FrameworkError):
    """Training labels that match no priority of the framework."""


def resolve_labels(framework: Framework, labels: list[str]) -> dict[str, str]:
    """Map each label, given as a priority id or title, to the priority id.

    Titles match exactly or after trimming surrounding whitespace on both sides (labelled data
    often spells them with stray spaces). Raises UnknownLabelError naming every label that
    matches nothing, or a title shared by several priorities.
    """
    by_id = {p.id: p.id for p in framework.priorities}
    by_title: dict[str, set[str]] = {}
    for priority in framework.priorities:
        for title in (priority.title, priority.title.strip()):
            by_title.setdefault(title, set()).add(priority.id)
    resolved: dict[str, str] = {}
    unknown: list[str] = []
    ambiguous: list[str] = []
    for label in dict.fromkeys(labels):
        if label in by_id:
            resolved[label] = label
            continue
        matches = by_title.get(label) or by_title.get(label.strip()) or set()
        if len(matches) == 1:
            resolved[label] = next(iter(matches))
        elif matches:
            ambiguous.append(label)
        else:
            unknown.append(label)
    problems = []
    if unknown:
        problems.append(
            f"unknown label(s) for framework {framework.id!r}: "
            + ", ".join(repr(label) for label in unknown)
        )
    if ambiguous:
        problems.append(
            "label(s) matching more than one priority title (use the priority id): "
            + ", ".join(repr(label) for label in ambiguous)
        )
    if problems:
        raise UnknownLabelError("; ".join(problems))
    return resolved
