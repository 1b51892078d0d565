"""Readers for the deployment files: the compose file, the Dockerfiles and the Kubernetes manifests."""

import importlib
import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import check_jsonschema
import jsonschema
import yaml

from cloth_shared.settings import ServiceSettings

REPO = Path(__file__).resolve().parents[2]
SERVICES = ("membership", "exchange", "knowledge", "notifications")
LOCAL_PORTS = {"membership": 8001, "exchange": 8002, "knowledge": 8003, "notifications": 8004}
K8S = REPO / "deploy" / "k8s"
COMPOSE_SCHEMA = Path(check_jsonschema.__file__).parent / "builtin_schemas/vendor/compose-spec.json"

# ${NAME}, ${NAME:-default}, ${NAME:?message}: Compose's interpolation syntax.
INTERPOLATION = re.compile(r"\$\{(?P<name>\w+)(?::?(?P<op>[-?])(?P<value>[^}]*))?\}")


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    return loaded


def compose_schema_errors(document: dict[str, Any]) -> list[str]:
    """Where the document breaks the Compose Specification schema vendored by check-jsonschema."""
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def local_kafka_version() -> str:
    properties = ET.parse(REPO / "deploy/local/pom.xml").getroot().find("{*}properties")
    version = properties.findtext("{*}kafka.version") if properties is not None else None
    assert version, "deploy/local/pom.xml has no <kafka.version>"
    return version


def database_url_variable(service: str) -> str:
    """The environment variable the service's settings read its database URL from."""
    config = importlib.import_module(f"{service}.config")
    settings = next(
        value
        for value in vars(config).values()
        if isinstance(value, type) and issubclass(value, ServiceSettings) and value is not ServiceSettings
    )
    return f"{settings.model_config.get('env_prefix', '')}DATABASE_URL".upper()


def dockerfile(service: str) -> Path:
    return REPO / "services" / service / "Dockerfile"


def dockerfile_instructions(service: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for raw in dockerfile(service).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).partition(" ")
        instructions.append((keyword.upper(), " ".join(arguments.split())))
        pending = ""
    return instructions


def last(instructions: list[tuple[str, str]], keyword: str) -> str | None:
    """The arguments of the instruction's last occurrence: the one that takes effect."""
    found = [arguments for name, arguments in instructions if name == keyword]
    return found[-1] if found else None


def kustomization(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((folder / "kustomization.yaml").read_text())
    return loaded


@cache
def k8s_objects() -> tuple[dict[str, Any], ...]:
    """Every object in every manifest under deploy/k8s (kustomization files excepted)."""
    return tuple(
        document
        for path in sorted(K8S.rglob("*.yaml"))
        if path.name != "kustomization.yaml"
        for document in yaml.safe_load_all(path.read_text())
        if document
    )


def deployments() -> dict[str, dict[str, Any]]:
    return {obj["metadata"]["name"]: obj for obj in k8s_objects() if obj["kind"] == "Deployment"}


def mebibytes(quantity: str) -> float:
    """A Kubernetes memory quantity (such as 192Mi or 1Gi) in MiB."""
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "K": 1e3 / 2**20, "M": 1e6 / 2**20, "G": 1e9 / 2**20}
    number, unit = re.fullmatch(r"([\d.]+)([KMG]i?)?", quantity).groups()  # type: ignore[union-attr]
    return float(number) * units[unit] if unit else float(number) / 2**20
