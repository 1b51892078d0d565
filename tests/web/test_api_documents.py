"""The web app's typed clients are generated from the OpenAPI documents committed in web/src/api;
a service whose API changed without regenerating them fails here, not in a person's browser."""

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DUMP = REPO / "web" / "scripts" / "dump_openapi.py"
COMMITTED = REPO / "web" / "src" / "api"


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DUMP), "--check", "--out", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_committed_documents_match_the_services() -> None:
    result = check(COMMITTED)
    assert result.returncode == 0, result.stderr


def test_a_changed_document_is_reported_by_service_name(tmp_path: Path) -> None:
    for document in COMMITTED.glob("*.openapi.json"):
        shutil.copy(document, tmp_path / document.name)
    edited = tmp_path / "exchange.openapi.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace('"title"', '"Title"', 1), encoding="utf-8")

    result = check(tmp_path)

    assert result.returncode == 1
    assert "exchange" in result.stderr
    assert "membership" not in result.stderr
