"""Rules of the house that code review would otherwise have to remember (ARCHITECTURE.md).

* Tenant scope cannot be bypassed outside ``api/core``: no ``ficha_unscoped`` option, no raw
  ``text()`` SQL, no ``exec_driver_sql`` in domain packages.
* Services never commit (the unit of work does) and never raise HTTPException.
* Files are stored and removed with their transaction (``ctx.store_file``), never directly.
* Outbound HTTP goes through one factory (timeouts, no redirects) — see api/core/http.py when
  a domain needs it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from api.config import ROOT

API = ROOT / "api"
DOMAIN_FILES = sorted(p for p in API.rglob("*.py") if "core" not in p.relative_to(API).parts)
SERVICE_FILES = [p for p in DOMAIN_FILES if p.name == "service.py"]

# Credential lookups happen before any tenant is known; they are the only exceptions.
UNSCOPED_ALLOWED = {API / "identity" / "authentication.py"}


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _names(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)
        elif isinstance(node, ast.ImportFrom):
            found.update(alias.name for alias in node.names)
    return found


def test_there_are_domain_files():
    assert len(DOMAIN_FILES) > 10 and SERVICE_FILES


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=_rel)
def test_no_tenant_bypass_outside_core(path):
    names = _names(ast.parse(path.read_text()))
    if path not in UNSCOPED_ALLOWED:
        assert not names & {"ficha_unscoped", "UNSCOPED"}, f"{_rel(path)} bypasses tenant scoping"
    assert "exec_driver_sql" not in names, f"{_rel(path)} runs driver SQL"
    assert not _imports_sqlalchemy_text(path), (
        f"{_rel(path)} builds raw SQL with text(): use ORM/Core expressions (scoped by api.core.tenancy)"
    )


def _imports_sqlalchemy_text(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        imports_text = (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy")
                        and any(alias.name == "text" for alias in node.names))
        if imports_text:
            # server_default=text("...") in models is DDL, not a query.
            return path.name != "models.py"
    return False


@pytest.mark.parametrize("path", SERVICE_FILES, ids=_rel)
def test_services_do_not_commit_or_speak_http(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "commit":
            pytest.fail(f"{_rel(path)}:{node.lineno} commits: the request's unit of work commits")
        if isinstance(node, ast.Name) and node.id == "HTTPException":
            pytest.fail(f"{_rel(path)}:{node.lineno} raises HTTPException: raise api.core.errors instead")


TASK_FILES = sorted(API.rglob("tasks.py"))


@pytest.mark.parametrize("path", TASK_FILES, ids=_rel)
def test_tasks_do_not_set_their_own_timeout(path):
    """arq waits for the *longest* task timeout (+10 s) before re-running the job of a worker that
    died, for every task: one long timeout would delay every recovery. Tasks use the worker's
    FICHA_JOB_TIMEOUT_SECONDS."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "task":
            assert not any(k.arg == "timeout" for k in node.keywords), f"{_rel(path)}:{node.lineno} sets a timeout"


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=_rel)
def test_requests_store_files_with_their_transaction(path):
    """``ctx.storage.put``/``delete`` in a request would leave a file behind when the transaction
    rolls back (or lose one a row still points to): ``ctx.store_file`` and
    ``ctx.remove_file_after_commit`` tie files to the transaction. (Tasks that write their own
    files, like exports, use a storage object of their own, not ``ctx.storage``.)"""
    for node in ast.walk(ast.parse(path.read_text())):
        if (isinstance(node, ast.Attribute) and node.attr in {"put", "delete"}
                and isinstance(node.value, ast.Attribute) and node.value.attr == "storage"
                and isinstance(node.value.value, ast.Name) and node.value.value.id == "ctx"):
            pytest.fail(f"{_rel(path)}:{node.lineno} calls ctx.storage.{node.attr}: use ctx.store_file / "
                        "ctx.remove_file_after_commit")


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=_rel)
def test_savepoints_go_through_the_unit_of_work(path):
    """``session.begin_nested()`` alone would undo the rows but still send the jobs, messages and
    files queued inside it: ``ctx.uow.savepoint()`` undoes both."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr == "begin_nested":
            pytest.fail(f"{_rel(path)}:{node.lineno} calls begin_nested: use ctx.uow.savepoint()")
