"""The layering holds, read from the source so that a new import or query breaking a rule fails
here rather than in review (docs/architecture.md says why each rule is there).

- plumbing imports no package above it; consent imports only plumbing; nlp only plumbing and
  consent; none of them imports the web layer, and importing them loads no Flask and no Huey.
- Each package's SQL names only the tables its own migrations create; SQL that speaks to the
  published database names only published tables.
- Blueprints hold no SQL and import no other blueprint; no module imports one that imports it.
- The identifier rules' subpackages import only those below them (IDENTIFIER_ORDER), and so do
  the risk detector's (SIGNALS_ORDER).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plumbing import registry
from workbench.publishing.schema import expected_columns

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("plumbing", "consent", "nlp", "workbench", "datasette_plugins")
# What each lower package may import of this project's packages.
MAY_IMPORT = {
    "plumbing": {"plumbing"},
    "consent": {"plumbing", "consent"},
    "nlp": {"plumbing", "consent", "nlp"},
}
WEB = ("flask", "flask_babel", "flask_limiter", "flask_login", "flask_wtf", "werkzeug")
# The migration modules plumbing.registry lists, and the modules whose SQL may name their tables.
OWNERS = {
    "plumbing.migrations": "plumbing",
    "workbench.migrations": "workbench.accounts",
    "consent.migrations": "consent",
    "nlp.migrations": "nlp",
    "workbench.safeguarding.migrations": "workbench.safeguarding",
    "workbench.feedback.migrations": "workbench.feedback",
}
# Modules whose SQL speaks to the published database, not the working one.
PUBLISHED = (
    "workbench.publishing.schema",
    "workbench.publishing.metadata",
    "workbench.publishing.published_file",
    "datasette_plugins",
)
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|FROM|JOIN|INTO)\b")
TABLE_NAMED = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ON)\s+\[?(\w+)")
DATABASE_NAMES = {"db", "database", "out", "old"}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def _imports(module: str) -> list[tuple[str, bool]]:
    """(module imported, whether at module level) for every import, however deep."""
    tree = _tree(module)
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.append((name if name in MODULES else node.module, id(node) in top_level))
    return found


def _project_imports(module: str) -> set[str]:
    return {name for name, _ in _imports(module) if name.split(".")[0] in PACKAGES}


def _is_docstring(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    holder = parents.get(id(parent)) if isinstance(parent, ast.Expr) else None
    return isinstance(holder, ast.Module | ast.ClassDef | ast.FunctionDef) and (
        holder.body[0] is parent
    )


def _tables_named(module: str) -> set[str]:
    """Every table name a module's SQL strings (and `db["table"]` lookups) could refer to."""
    tree = _tree(module)
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    named: set[str] = set()
    for node in ast.walk(tree):
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if not _is_docstring(node, parents) and not isinstance(
                parents.get(id(node)), ast.JoinedStr
            ):
                text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            holder = node.value
            name = holder.id if isinstance(holder, ast.Name) else getattr(holder, "attr", "")
            if name in DATABASE_NAMES and isinstance(node.slice.value, str):
                named.add(node.slice.value)
        if text and SQL.search(text):
            named.update(TABLE_NAMED.findall(text))
    return named


def _working_tables() -> dict[str, str]:
    """Table name -> the migration module that creates it."""
    tables = {}
    for module in registry.MIGRATIONS:
        for table in re.findall(r"CREATE TABLE (\w+)", MODULES[module].read_text()):
            tables[table] = module
    return tables


def _speaks_to_published(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in PUBLISHED)


def test_importing_plumbing_consent_and_nlp_loads_no_flask_huey_or_web_layer():
    probe = (
        "import importlib, json, pkgutil, sys\n"
        "import consent, nlp, plumbing\n"
        "for package in (plumbing, consent, nlp):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    unwanted = [m for m in loaded if m.split(".")[0] in (*WEB, "huey", "workbench")]
    assert unwanted == []


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_lower_packages_import_nothing_above_them(package):
    broken = []
    for module in MODULES:
        if module.split(".")[0] != package:
            continue
        for name, top_level in _imports(module):
            first = name.split(".")[0]
            if first in PACKAGES and first not in MAY_IMPORT[package]:
                broken.append(f"{module} imports {name}")
            elif first in WEB or (first == "huey" and top_level):
                broken.append(f"{module} imports {name}")
    assert broken == []


def test_every_migration_module_has_an_owner_here():
    assert set(registry.MIGRATIONS) == set(OWNERS)


def test_each_packages_sql_names_only_its_own_tables():
    tables = _working_tables()
    broken = []
    for module in MODULES:
        if _speaks_to_published(module):
            continue
        for table in sorted(_tables_named(module) & set(tables)):
            creator = tables[table]
            owner = OWNERS[creator]
            if module != creator and module != owner and not module.startswith(owner + "."):
                broken.append(f"{module} names {table}, which {owner} owns")
    assert broken == []


def test_sql_on_the_published_database_names_only_published_tables():
    published = set(expected_columns())
    working_only = set(_working_tables()) - published
    broken = [
        f"{module} names {table}"
        for module in MODULES
        if _speaks_to_published(module)
        for table in sorted(_tables_named(module) & working_only)
    ]
    assert broken == []


def test_the_scan_sees_sql_and_table_lookups():
    """The scan itself: it must find the tables a module is known to name."""
    assert {"consents", "notices", "stories"} <= _tables_named("consent.receipts")
    assert {"jobs"} <= _tables_named("plumbing.jobs")
    assert {"themes", "quotes", "activities"} <= _tables_named("datasette_plugins.pages")


def test_blueprints_hold_no_sql_and_import_no_other_blueprint():
    broken = []
    for module in MODULES:
        if not module.startswith("workbench.blueprints."):
            continue
        if _tables_named(module):
            broken.append(f"{module} holds SQL on {sorted(_tables_named(module))}")
        broken += [
            f"{module} imports {name}"
            for name in _project_imports(module)
            if name.startswith("workbench.blueprints")
        ]
    assert broken == []


def test_no_module_imports_one_that_imports_it_back():
    graph = {module: _project_imports(module) & set(MODULES) for module in MODULES}
    circles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                circles.append(" -> ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_architecture_note_names_every_package_and_only_paths_that_exist():
    note = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(
        {
            str(path.parent.relative_to(ROOT)) + "/"
            for path in ROOT.glob("*/**/__init__.py")
            if path.parts[len(ROOT.parts)] in PACKAGES
        }
    )
    assert [p for p in packages if f"`{p}`" not in note] == []
    mentioned = re.findall(r"`(\w[\w.-]*/[\w./-]*)`", note)
    assert mentioned and [p for p in mentioned if not (ROOT / p).exists()] == []


# The identifier rules' subpackages, lowest first: each imports only those at or below it, so a
# kind's rules can be read, changed or moved without the ones above (docs/architecture.md).
IDENTIFIER_ORDER = (
    "core",
    "look_alikes",
    "dates_and_ages",
    "places",
    "people",
    "care_settings",
    "numbers",
    "spoken",
    "review",
    "ner",
    "recogniser",
)


# The risk detector's subpackages, lowest first, on the same rule: the shared base, what a risk
# sounds like, what sounds like one and is not, the labels that come in pairs, the two sentence
# models, the detector assembled, and what only trains (docs/architecture.md).
SIGNALS_ORDER = (
    "core",
    "phrasings",
    "look_alikes",
    "label_pairs",
    "sentence_model",
    "welsh",
    "detection",
    "model_training",
)


def _upward_imports(package: str, order: tuple[str, ...]) -> list[str]:
    """Every import, however deep, from a module of one of `package`'s subpackages into a
    subpackage later in `order`. Importing the package itself (its public names, which come
    from the top) counts as importing the last subpackage."""
    folders = sorted(p.name for p in (ROOT / "nlp" / package).iterdir() if p.is_dir())
    assert sorted(order) == [f for f in folders if f != "__pycache__"]
    rank = {name: i for i, name in enumerate(order)}
    upward = []
    for module in _modules():
        parts = module.split(".")
        if parts[:2] != ["nlp", package] or len(parts) < 4:
            continue
        for target in _project_imports(module):
            tparts = target.split(".")
            if tparts[:2] != ["nlp", package]:
                continue
            if len(tparts) == 2:
                target_rank = len(order) - 1
            else:
                assert tparts[2] in rank, f"{module} imports {target}, outside every subpackage"
                target_rank = rank[tparts[2]]
            if target_rank > rank[parts[2]]:
                upward.append(f"{module} -> {target}")
    return upward


def test_identifier_subpackages_import_only_those_below_them():
    assert _upward_imports("identifiers", IDENTIFIER_ORDER) == []


def test_signal_subpackages_import_only_those_below_them():
    assert _upward_imports("signals", SIGNALS_ORDER) == []
