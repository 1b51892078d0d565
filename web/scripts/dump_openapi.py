"""Write (or check) each service's OpenAPI document, built from its FastAPI app without a server.

    python web/scripts/dump_openapi.py [--check] [--out DIR]

The app's lifespan is never entered, so no database, broker or settings are needed: the
document depends only on the routes and schemas. `--check` exits 1 and names the services whose
committed document differs, so a changed API fails the build before the typed client drifts.
"""

import argparse
import importlib
import json
import sys
from pathlib import Path

SERVICES = ("membership", "exchange", "knowledge", "notifications")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "api"


def openapi_document(service: str) -> str:
    """The service's OpenAPI document as stable JSON (sorted keys, trailing newline)."""
    app = importlib.import_module(f"{service}.main").app
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder of <service>.openapi.json")
    args = parser.parse_args(argv)
    stale = []
    for service in SERVICES:
        path = args.out / f"{service}.openapi.json"
        document = openapi_document(service)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != document:
                stale.append(service)
        else:
            path.write_text(document, encoding="utf-8")
    if stale:
        print(f"OpenAPI documents out of date: {', '.join(stale)}; run `make web-api`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
