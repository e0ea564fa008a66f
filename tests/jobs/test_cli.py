"""`python -m jobs` from the shell: the list, and a clear line for a wrong name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def jobs_cli(database_url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env.update(
        BOT_TOKEN="123456:TEST",
        TELEGRAM_API_BASE="http://127.0.0.1:9",  # nothing is sent by these commands
        DATABASE_URL=database_url,
        DEFAULT_LANGUAGE="en",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run(
        [sys.executable, "-m", "jobs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_list_and_wrong_arguments(database_url: str, tmp_path: Path) -> None:
    listed = jobs_cli(database_url, tmp_path, "list")
    assert listed.returncode == 0, listed.stderr
    for name in ("lag_alerts", "log_reminders", "payroll_summary"):
        assert f"({name})" in listed.stdout
    assert listed.stdout.count("Last run: never") == 3
    assert "Next run:" in listed.stdout

    unknown = jobs_cli(database_url, tmp_path, "run", "backup")
    assert unknown.returncode == 2
    assert unknown.stderr.strip().startswith("There is no job “backup”")

    usage = jobs_cli(database_url, tmp_path, "launch")
    assert usage.returncode == 2 and usage.stderr.startswith("usage: python -m jobs")

    no_token = subprocess.run(
        [sys.executable, "-m", "jobs", "list"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert no_token.returncode == 2
    assert no_token.stderr.strip() == "Setting BOT_TOKEN is required (see .env.example)"
