"""Background jobs: ownership, status and the worker-side lifecycle."""

from __future__ import annotations

import pytest

from api.jobs.service import run_job
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.jobs import make_job


async def test_a_user_sees_their_jobs_only(client, db, workspace):
    member = await make_member(db, client, workspace, [])
    mine = await make_job(db, workspace.id, member.id, kind="contacts.bulk")
    theirs = await make_job(db, workspace.id, workspace.admin.id)
    listed = (await client.get("/api/v1/jobs", headers=member.headers)).json()["items"]
    assert [j["id"] for j in listed] == [str(mine.id)]
    assert (await client.get(f"/api/v1/jobs/{mine.id}", headers=member.headers)).json()["status"] == "pending"
    assert (await client.get(f"/api/v1/jobs/{theirs.id}", headers=member.headers)).status_code == 404
    # the workspace's settings managers may follow anyone's job
    assert (await client.get(f"/api/v1/jobs/{mine.id}", headers=workspace.admin.headers)).status_code == 200
    filtered = (await client.get("/api/v1/jobs", params={"status": "completed"}, headers=member.headers)).json()
    assert filtered["items"] == []


async def test_run_job_records_progress_result_and_failure(client, db, workspace):
    job = await make_job(db, workspace.id, workspace.admin.id)
    async with run_job(db, str(workspace.id), str(job.id)) as running:
        assert running is not None and running.attempts == 1
        await running.progress(42.7)
        status = (await client.get(f"/api/v1/jobs/{job.id}", headers=workspace.admin.headers)).json()
        assert status["status"] == "running" and status["progress"] == 42
        running.result = {"rows": 3}
    done = (await client.get(f"/api/v1/jobs/{job.id}", headers=workspace.admin.headers)).json()
    assert done["status"] == "completed" and done["progress"] == 100 and done["result"] == {"rows": 3}
    async with run_job(db, str(workspace.id), str(job.id)) as again:
        assert again is None, "a finished job is not run twice"

    failing = await make_job(db, workspace.id, workspace.admin.id)
    with pytest.raises(ValueError, match="bad row"):
        async with run_job(db, str(workspace.id), str(failing.id)):
            raise ValueError("bad row")
    failed = (await client.get(f"/api/v1/jobs/{failing.id}", headers=workspace.admin.headers)).json()
    assert failed["status"] == "failed" and "bad row" in failed["error"]
