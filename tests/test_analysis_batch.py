"""The openai-batch backend: submit, record, survive restarts, collect, resubmit what failed or expired."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis_fixtures import count, db_path, model_config, server  # noqa: F401
from pipeline.analysis import analyze, batch
from pipeline.analysis.ledger import price_for
from pipeline.db import connect

N_ALL = 7 + 2
TESTS = Path(__file__).resolve().parent


def batch_config(db_path, server, **analysis):
    return model_config(db_path, server, backend="openai-batch", **analysis)


def ledger_rows(db_path, status=None):
    con = connect(db_path, read_only=True)
    try:
        columns = "status, http_status, tokens_in, tokens_cached, tokens_out, cost_usd, batch_id"
        sql = f"select {columns} from analysis_requests"
        return con.execute(sql + (" where status = ?" if status else ""), [status] if status else []).fetchall()
    finally:
        con.close()


def test_a_batch_in_flight_is_recorded_and_collected_by_later_runs(db_path, server):
    server.state.knobs.batch_polls_before_done = 1
    config = batch_config(db_path, server)
    submitted = analyze(config, db_path)
    assert submitted.n_submitted == N_ALL and submitted.n_done == 0 and submitted.n_in_flight == 1
    assert count(db_path, "select count(*) from analysis_batches where batch_id is not null") == 1
    waiting = analyze(config, db_path)
    assert waiting.n_in_flight == 1 and waiting.n_submitted == 0 and waiting.n_done == 0
    collected = analyze(config, db_path)
    assert collected.n_done == N_ALL and collected.grounded_share == 1.0 and collected.n_submitted == 0
    before = server.state.n_http
    assert analyze(config, db_path).n_requested == 0 and server.state.n_http == before


def test_batch_lines_are_priced_at_the_batch_discount(db_path, server):
    config = batch_config(db_path, server)
    analyze(config, db_path), analyze(config, db_path)
    price = price_for(config.analysis.model)
    for _, _, tokens_in, cached, tokens_out, cost, batch_id in ledger_rows(db_path, "ok"):
        full = ((tokens_in - cached) * price.input + cached * price.cached_input + tokens_out * price.output) / 1e6
        assert batch_id and cost == pytest.approx(full / 2)


def test_a_partly_failed_batch_resubmits_only_the_failed_lines(db_path, server):
    server.state.script("500", marker="Payments team")
    config = batch_config(db_path, server)
    analyze(config, db_path)
    second = analyze(config, db_path)
    assert second.n_done == N_ALL - 1 and second.n_failed == 1 and second.n_submitted == 1
    assert [r[1] for r in ledger_rows(db_path, "failed")] == [500]
    third = analyze(config, db_path)
    assert third.n_done == 1 and count(db_path, "select count(*) from analyses") == N_ALL


def test_an_expired_batch_keeps_what_finished_and_resubmits_the_rest(db_path, server):
    server.state.knobs.batch_mode, server.state.knobs.batch_expire_after = "expire", 3
    config = batch_config(db_path, server)
    analyze(config, db_path)
    server.state.knobs.batch_mode = "complete"  # the resubmitted batch runs in time
    second = analyze(config, db_path)
    assert second.n_done == 3 and second.n_submitted == N_ALL - 3
    assert len(ledger_rows(db_path, "expired")) == N_ALL - 3
    assert analyze(config, db_path).n_done == N_ALL - 3


def test_an_invalid_batch_reply_is_reasked_in_the_next_batch(db_path, server):
    server.state.script("invalid_json", marker="Payments team")
    config = batch_config(db_path, server)
    analyze(config, db_path)
    assert analyze(config, db_path).n_submitted == 1
    last_file = list(server.state.files.values())[-1]["bytes"].decode()
    body = json.loads(last_file.splitlines()[-1])["body"]
    assert len(body["messages"]) == 4 and "not valid JSON" in body["messages"][-1]["content"]
    assert analyze(config, db_path).n_done == 1


def test_a_process_restart_between_submit_and_collect_loses_nothing(db_path, server):
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        sys.path.insert(0, sys.argv[1])
        from analysis_fixtures import model_config
        from pipeline.analysis import analyze

        class Server:
            base_url = sys.argv[3]

        db = Path(sys.argv[2])
        print(analyze(model_config(db, Server, backend="openai-batch"), db).n_submitted)
    """)
    done = subprocess.run(
        [sys.executable, "-c", code, str(TESTS), str(db_path), server.base_url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(N_ALL)
    collected = analyze(batch_config(db_path, server), db_path)
    assert collected.n_done == N_ALL and len(server.state.batches) == 1


def test_a_run_stopped_after_upload_creates_the_batch_next_time(db_path, server, monkeypatch):
    config = batch_config(db_path, server)

    def stop(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "ensure_created", stop)
    with pytest.raises(KeyboardInterrupt):
        analyze(config, db_path)
    monkeypatch.undo()
    assert count(db_path, "select count(*) from analysis_batches where batch_id is null") == 1
    assert not server.state.batches
    recovered = analyze(config, db_path)
    assert recovered.n_done == N_ALL and recovered.n_submitted == 0 and len(server.state.batches) == 1


def test_a_batch_created_but_not_recorded_is_found_not_duplicated(db_path, server, monkeypatch):
    config = batch_config(db_path, server)
    real_record = batch._record_status

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_record_status", stop)
    with pytest.raises(KeyboardInterrupt):
        analyze(config, db_path)
    monkeypatch.setattr(batch, "_record_status", real_record)
    assert len(server.state.batches) == 1
    recovered = analyze(config, db_path)
    assert recovered.n_done == N_ALL and len(server.state.batches) == 1
