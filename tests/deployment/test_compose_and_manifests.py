"""The compose file, the Dockerfiles and the Kubernetes manifests keep the platform's promises.

Plain file checks: no Docker engine, cluster or network is needed.
"""

import copy
import json
import re
import shutil
import subprocess

import pytest
import yaml

from cloth_shared.settings import DEVELOPMENT_PASSWORD_MARKERS

from .files import (
    INTERPOLATION,
    K8S,
    LOCAL_PORTS,
    REPO,
    SERVICES,
    compose,
    compose_schema_errors,
    database_url_variable,
    deployments,
    dockerfile,
    dockerfile_instructions,
    k8s_objects,
    kustomization,
    last,
    local_kafka_version,
    mebibytes,
)

# --- docker-compose.yml ------------------------------------------------------------------------


def test_the_compose_file_follows_the_compose_specification() -> None:
    assert compose_schema_errors(compose()) == []


def test_the_compose_schema_check_notices_a_misspelt_key() -> None:
    broken = copy.deepcopy(compose())
    broken["services"]["membership"]["helthcheck"] = broken["services"]["membership"].pop("healthcheck")
    assert any("helthcheck" in error for error in compose_schema_errors(broken))


def test_kafka_is_the_4_x_release_that_local_development_runs() -> None:
    image, _, tag = compose()["services"]["kafka"]["image"].partition(":")
    assert image == "apache/kafka"
    assert tag.startswith("4.")
    assert tag == local_kafka_version()


def test_kafka_runs_in_kraft_combined_mode_and_never_creates_topics_by_itself() -> None:
    env = compose()["services"]["kafka"]["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert env["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] == "0"
    factors = {name: value for name, value in env.items() if name.endswith("REPLICATION_FACTOR")}
    assert factors, "internal topics need a replication factor of 1 on a single node"
    assert set(factors.values()) == {"1"}


def test_services_reach_kafka_on_an_address_it_advertises() -> None:
    advertised = compose()["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    addresses = {listener.split("://")[1] for listener in advertised.split(",")}
    for service in SERVICES:
        assert compose()["services"][service]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] in addresses


def test_notifications_sends_e_mail_to_the_mailpit_of_a_pinned_version() -> None:
    image, _, tag = compose()["services"]["mailpit"]["image"].partition(":")
    assert image == "axllent/mailpit" and re.fullmatch(r"v\d+\.\d+\.\d+", tag)
    env = compose()["services"]["notifications"]["environment"]
    assert (env["NOTIFICATIONS_SMTP_HOST"], env["NOTIFICATIONS_SMTP_PORT"]) == ("mailpit", "1025")


def test_every_container_in_the_compose_file_has_a_healthcheck() -> None:
    for name, container in compose()["services"].items():
        assert container.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_starts_only_once_postgres_and_kafka_are_healthy(service: str) -> None:
    depends_on = compose()["services"][service]["depends_on"]
    assert depends_on["postgres"]["condition"] == "service_healthy"
    assert depends_on["kafka"]["condition"] == "service_healthy"


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_is_built_from_its_own_dockerfile_with_the_repository_as_context(service: str) -> None:
    container = compose()["services"][service]
    assert container["build"] == {"context": ".", "dockerfile": f"services/{service}/Dockerfile"}
    assert (REPO / container["build"]["dockerfile"]).is_file()


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_is_healthy_once_ready_and_answers_on_its_local_port(service: str) -> None:
    container = compose()["services"][service]
    assert "http://127.0.0.1:8000/health/ready" in " ".join(container["healthcheck"]["test"])
    assert container["ports"] == [f"127.0.0.1:{LOCAL_PORTS[service]}:8000"]


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_connects_with_the_role_and_password_postgres_creates(service: str) -> None:
    url = compose()["services"][service]["environment"][database_url_variable(service)]
    password = compose()["services"]["postgres"]["environment"][f"{service.upper()}_DB_PASSWORD"]
    assert url == f"postgresql://{service}:{password}@postgres:5432/{service}"


def test_the_postgres_init_script_creates_a_role_and_a_database_for_every_service() -> None:
    script = (REPO / "deploy/compose/postgres-init.sh").read_text()
    loop = re.search(r"^for service in ([\w ]+); do$", script, re.MULTILINE)
    assert loop is not None
    assert tuple(loop[1].split()) == SERVICES
    mounts = compose()["services"]["postgres"]["volumes"]
    assert any(m.startswith("./deploy/compose/postgres-init.sh:/docker-entrypoint-initdb.d/") for m in mounts)


def test_every_default_password_is_one_the_production_settings_refuse() -> None:
    passwords = [
        match
        for match in INTERPOLATION.finditer((REPO / "docker-compose.yml").read_text())
        if "PASSWORD" in match["name"]
    ]
    assert len(passwords) >= 1 + len(SERVICES)
    for password in passwords:
        if password["op"] == "-":
            assert any(marker in password["value"] for marker in DEVELOPMENT_PASSWORD_MARKERS), password[0]
        else:
            assert password["op"] == "?", f"{password[0]} neither fails nor has a labelled dev default"


# --- Dockerfiles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES)
def test_every_dockerfile_runs_as_the_non_root_user_kubernetes_expects(service: str) -> None:
    user = last(dockerfile_instructions(service), "USER")
    assert user is not None, "no USER: the image would run as root"
    uid = user.split(":")[0]
    assert uid.isdigit(), "a numeric USER lets Kubernetes verify runAsNonRoot"
    assert int(uid) != 0
    assert int(uid) == deployments()[service]["spec"]["template"]["spec"]["securityContext"]["runAsUser"]


@pytest.mark.parametrize("service", SERVICES)
def test_every_dockerfile_checks_readiness_with_python(service: str) -> None:
    healthcheck = last(dockerfile_instructions(service), "HEALTHCHECK")
    assert healthcheck is not None
    assert '"python"' in healthcheck
    assert "/health/ready" in healthcheck


@pytest.mark.parametrize("service", SERVICES)
def test_every_dockerfile_installs_pinned_packages_and_starts_its_own_app(service: str) -> None:
    instructions = dockerfile_instructions(service)
    assert last(instructions, "FROM") == "python:3.11-slim"
    installs = [args for name, args in instructions if name == "RUN" and "pip install" in args]
    assert len(installs) == 1
    assert f"-c constraints.txt -e shared -e services/{service}" in installs[0]
    command = json.loads(last(instructions, "CMD") or "[]")
    assert command[:6] == ["uvicorn", f"{service}.main:app", "--host", "0.0.0.0", "--port", "8000"]


def test_the_four_dockerfiles_differ_only_in_the_service_name() -> None:
    shapes = {service: dockerfile(service).read_text().replace(service, "SERVICE") for service in SERVICES}
    assert len(set(shapes.values())) == 1, "copy the changed Dockerfile to the other services"


def test_the_build_context_holds_only_what_the_images_install() -> None:
    rules = [line for line in (REPO / ".dockerignore").read_text().splitlines() if line and line[0] != "#"]
    assert rules[0] == "*"
    assert {rule for rule in rules if rule.startswith("!")} == {"!constraints.txt", "!shared/", "!services/"}
    assert {"**/tests/", "**/__pycache__/", "**/*.egg-info/"} <= set(rules)


# --- Kubernetes ----------------------------------------------------------------------------------


def test_the_base_has_a_deployment_a_service_and_a_config_map_for_every_service() -> None:
    services = {obj["metadata"]["name"] for obj in k8s_objects() if obj["kind"] == "Service"}
    config_maps = {entry["name"] for entry in kustomization(K8S / "base")["configMapGenerator"]}
    assert set(deployments()) == services == set(SERVICES)
    assert config_maps == {f"{service}-config" for service in SERVICES}


@pytest.mark.parametrize("service", SERVICES)
def test_every_deployment_probes_liveness_and_readiness(service: str) -> None:
    for container in deployments()[service]["spec"]["template"]["spec"]["containers"]:
        assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
        assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"


@pytest.mark.parametrize("service", SERVICES)
def test_every_deployment_runs_as_non_root_on_a_read_only_root_filesystem(service: str) -> None:
    pod = deployments()[service]["spec"]["template"]["spec"]
    scratch = {volume["name"] for volume in pod["volumes"] if "emptyDir" in volume}
    for container in pod["containers"]:
        security = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
        assert security.get("runAsNonRoot") is True
        assert security.get("readOnlyRootFilesystem") is True
        assert any(m["mountPath"] == "/tmp" and m["name"] in scratch for m in container["volumeMounts"])


@pytest.mark.parametrize("service", SERVICES)
def test_every_deployment_has_resources_sized_for_a_150_mb_process(service: str) -> None:
    for container in deployments()[service]["spec"]["template"]["spec"]["containers"]:
        requests, limits = container["resources"]["requests"], container["resources"]["limits"]
        assert {"cpu", "memory"} <= requests.keys() & limits.keys()
        assert 150 <= mebibytes(requests["memory"]) < mebibytes(limits["memory"]) <= 512


@pytest.mark.parametrize("service", SERVICES)
def test_every_deployment_takes_settings_from_its_config_map_and_secrets_from_its_secret(
    service: str,
) -> None:
    (container,) = deployments()[service]["spec"]["template"]["spec"]["containers"]
    assert "env" not in container, "settings belong in the ConfigMap, secrets in the Secret"
    assert container["envFrom"] == [
        {"configMapRef": {"name": f"{service}-config"}},
        {"secretRef": {"name": f"{service}-secrets"}},
    ]


def test_the_manifests_contain_no_secrets() -> None:
    assert [obj["metadata"]["name"] for obj in k8s_objects() if obj["kind"] == "Secret"] == []
    for folder in (K8S / "base", K8S / "overlays" / "dev"):
        assert "secretGenerator" not in kustomization(folder)
        for entry in kustomization(folder).get("configMapGenerator", []):
            names = [literal.partition("=")[0] for literal in entry["literals"]]
            assert not [name for name in names if name.endswith(("PASSWORD", "DATABASE_URL", "KEY_PEM"))]


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (with kustomize) is not installed")
def test_the_dev_overlay_renders_into_its_namespace_with_development_images() -> None:
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(K8S / "overlays" / "dev")], capture_output=True, text=True, check=True
    ).stdout
    objects = [obj for obj in yaml.safe_load_all(rendered) if obj]
    assert {obj["metadata"]["namespace"] for obj in objects} == {"cloth-dev"}
    images = {
        c["image"]
        for obj in objects
        if obj["kind"] == "Deployment"
        for c in obj["spec"]["template"]["spec"]["containers"]
    }
    assert images == {f"cloth/{service}:dev" for service in SERVICES}
