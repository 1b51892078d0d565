"""The library and the training programme of the knowledge demo (loaded by demo-knowledge.py).

Library: one resource of each kind, each in another of the seven languages, written by a demo
organisation's first person, submitted, and published by the administrator (the moderator of any
cluster, so the demo does not wait for knowledge to hear of the organisations). Training: four
courses with a session each, people enrolled, and one course completed with its certificate.
Each step looks first whether it was done on an earlier run.
"""

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

Headers = dict[str, str]
Org = tuple[str, int]  # (cluster short name, index of the organisation in demo-data.py's KINDS)

# (author organisation, kind, language, title, summary, body)
RESOURCES: list[tuple[Org, str, str, str, str, str]] = [
    (
        ("Modacc", 0),
        "guide",
        "es",
        "Moda sostenible: guía de ecodiseño",
        "Cómo diseñar prendas sostenibles desde el primer boceto.",
        "## Materiales\n\nElige fibras **recicladas** y tintes naturales: las colecciones sostenibles "
        "empiezan en el patrón.\n\n## Desmontaje\n\nCose para poder separar los materiales al final.",
    ),
    (
        ("Modacc", 1),
        "best_practice",
        "ca",
        "Bones pràctiques de reciclatge de fils",
        "Com una filatura d'Igualada recupera els retalls de tall.",
        "Els retalls es classifiquen per color i composició abans de desfibrar-los.",
    ),
    (
        ("BFA", 0),
        "know_how",
        "bg",
        "Естествени багрила за трикотаж",
        "Как да боядисваме вълна с растителни багрила в малки серии.",
        "Багрилата от орехови черупки и лук дават устойчиви цветове върху вълна.",
    ),
    (
        ("EA", 0),
        "case_study",
        "fr",
        "Étude de cas : une filière de tri textile à Marseille",
        "Comment un atelier a organisé la collecte et le tri de ses chutes.",
        "Les chutes sont triées par matière puis confiées à un recycleur régional.",
    ),
    (
        ("ICONIC", 0),
        "tool",
        "ro",
        "Instrument: pașaportul digital al produsului",
        "Un șablon pentru datele de trasabilitate ale unei haine.",
        "Completați materialele, furnizorii și instrucțiunile de reparare pentru fiecare model.",
    ),
    (
        ("LDC", 0),
        "regional_analysis",
        "da",
        "Regional analyse: cirkulær mode i Hovedstaden",
        "Hvordan designvirksomheder i regionen arbejder med tilbagetagning.",
        "Flere mærker tilbyder reparation og tilbagetagning af brugt tøj.",
    ),
    (
        ("LDC", 1),
        "lessons_learned",
        "en",
        "Lessons learned: running a take-back scheme",
        "What a small brand learnt in its first year of taking garments back.",
        "Start with one product line, count what comes back, and tell customers what happened to it.",
    ),
]

# (cluster, title, skill area, audience, language, mode, place)
COURSES: list[tuple[str, str, str, str, str, str, str | None]] = [
    ("Modacc", "Circular design for textile SMEs", "green", "members", "en", "online", None),
    ("Modacc", "Knitting with recycled yarn", "technical", "members", "en", "on_site", "Igualada, Modacc"),
    ("BFA", "Дигитален маркетинг за малки марки", "digital", "members", "bg", "online", None),
    ("LDC", "Cluster management: peer reviews", "management", "cluster_managers", "en", "online", None),
]
# course title -> who enrols (organisations by their first person, or a cluster's manager)
ENROLMENTS: dict[str, list[Org | str]] = {
    "Circular design for textile SMEs": [("Modacc", 0), ("BFA", 0), ("EA", 1)],
    "Knitting with recycled yarn": [("Modacc", 1)],
    "Дигитален маркетинг за малки марки": [("BFA", 1)],
    "Cluster management: peer reviews": ["BFA", "EA"],
}
COMPLETED = ("Circular design for textile SMEs", ("Modacc", 0))
MEETINGS = 4


class Demo(Protocol):
    done: list[str]

    async def admin(self) -> Headers: ...

    async def manager(self, cluster: str) -> Headers: ...

    async def token(self, email: str) -> Headers: ...

    async def call(self, method: str, path: str, headers: Headers, body: Any = None) -> Any: ...


def claims(headers: Headers) -> dict[str, Any]:
    """The token's own claims (the services verify it; the demo only reads who it is)."""
    payload = headers["Authorization"].split()[1].split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


async def person(demo: Demo, who: Org | str) -> Headers:
    if isinstance(who, str):
        return await demo.manager(who)
    return await demo.token(f"org{who[1]}.{who[0].lower()}@demo.cloth.local")


async def library(demo: Demo) -> None:
    for author, kind, language, title, summary, body in RESOURCES:
        people = await person(demo, author)
        organisation_id = claims(people)["org"]
        mine = await demo.call("GET", f"/organisations/{organisation_id}/resources?limit=100", people)
        found = next((r for r in mine if r["title"] == title), None)
        if found is None:
            content = {"kind": kind, "language": language, "author_organisation_id": organisation_id}
            content |= {"title": title, "summary": summary, "body": body, "tags": ["demo", kind]}
            found = await demo.call("POST", "/resources", people, content)
            demo.done.append(f"{kind} in {language}")
        if found["status"] in ("draft", "sent_back"):
            found = await demo.call("POST", f"/resources/{found['id']}/submit", people)
        if found["status"] == "submitted":
            await demo.call("POST", f"/resources/{found['id']}/publish", await demo.admin())
            demo.done.append(f"published {kind} in {language}")


async def training(demo: Demo) -> None:
    catalogue = await demo.call("GET", "/training/courses?limit=100", {})
    for cluster, title, skill_area, audience, language, mode, place in COURSES:
        manager = await demo.manager(cluster)
        course = next((c for c in catalogue if c["title"] == title), None)
        if course is None:
            course = await demo.call(
                "POST", "/training/courses", manager, _course(cluster, title, skill_area, audience, language)
            )
            demo.done.append(f"course {title}")
        detail = await demo.call("GET", f"/training/courses/{course['course_id']}", {})
        sessions = detail["sessions"]
        if not sessions:
            body = _session(claims(manager)["sub"], mode, place)
            sessions = [
                await demo.call("POST", f"/training/courses/{course['course_id']}/sessions", manager, body)
            ]
            demo.done.append(f"session of {title}")
        for who in ENROLMENTS[title]:
            await _enrolled(demo, who, sessions[0]["session_id"], title)
    await _completed(demo)


async def _enrolled(demo: Demo, who: Org | str, session_id: str, title: str) -> None:
    people = await person(demo, who)
    mine = await demo.call("GET", "/training/enrolments/mine", people)
    if not any(e["session_id"] == session_id for e in mine):
        await demo.call("POST", f"/training/sessions/{session_id}/enrolments", people)
        demo.done.append(f"enrolment in {title}")


async def _completed(demo: Demo) -> None:
    """The trainer records full attendance: the course is completed and its certificate issued."""
    title, holder = COMPLETED
    people = await person(demo, holder)
    if any(c["course_title"] == title for c in await demo.call("GET", "/training/certificates/mine", people)):
        return
    course_ids = await _course_ids(demo, title)
    mine = await demo.call("GET", "/training/enrolments/mine", people)
    enrolment = next(e for e in mine if e["status"] == "confirmed" and e["course_id"] in course_ids)
    attendance = {"attended": list(range(MEETINGS)), "assessment_passed": True}
    manager = await demo.manager(COURSES[0][0])
    await demo.call(
        "PUT", f"/training/enrolments/{enrolment['enrolment_id']}/attendance", manager, attendance
    )
    demo.done.append(f"certificate for {title}")


async def _course_ids(demo: Demo, title: str) -> set[str]:
    return {
        c["course_id"]
        for c in await demo.call("GET", "/training/courses?limit=100", {})
        if c["title"] == title
    }


def _course(cluster_id_of: str, title: str, skill_area: str, audience: str, language: str) -> dict[str, Any]:
    clusters = ("Modacc", "BFA", "EA", "ICONIC", "LDC")
    return {
        "cluster_id": f"0b1c0000-0000-4000-8000-00000000000{clusters.index(cluster_id_of) + 1}",
        "title": title,
        "skill_area": skill_area,
        "audience": audience,
        "language": language,
        "learning_outcomes": ["Apply what was learnt in one's own organisation"],
        "modules": [f"Module {n}" for n in range(1, MEETINGS + 1)],
        "completion_rule": {"min_attendance_percent": 75, "assessment_required": False},
    }


def _session(trainer_id: str, mode: str, place: str | None) -> dict[str, Any]:
    first = (datetime.now(UTC) + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    return {
        "mode": mode,
        "place": place,
        "meetings": [(first + timedelta(weeks=week)).isoformat() for week in range(MEETINGS)],
        "capacity": 12,
        "trainer_id": trainer_id,
        "cancellation_deadline": (first - timedelta(days=7)).isoformat(),
    }
