"""Loads exchange demo data through the exchange API, after membership's (demo-data.py). Idempotent.

    .venv/bin/python deploy/local/demo-exchange.py [--exchange-url …] [--membership-url …]

Signs in the demo accounts that demo-data.py created (the administrator, one manager per cluster,
each organisation's first person), then: a programme with the Fashion ClusterXchange quotas,
hosting offers in every country, exchanges in every state (some completed and paid, one sent
back, one declined, one cancelled, some still to come) and a group mission with visitors from
three countries. A second run finds everything in place and only finishes what is unfinished.
"""

import argparse
import asyncio
import base64
import json
import os
import sys
from datetime import date, timedelta
from typing import Any

import httpx

ADMIN = (
    os.environ.get("CLOTH_DEMO_ADMIN_EMAIL", "admin@cloth.local"),
    os.environ.get("CLOTH_DEMO_ADMIN_PASSWORD", "dev-only-admin-password"),
)
PASSWORD = "demo password, dev only"  # noqa: S105 - the demo accounts of demo-data.py
PROGRAMME = "Fashion ClusterXchange (demo)"
CLUSTERS = ("Modacc", "BFA", "EA", "ICONIC", "LDC")
TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
Org = tuple[str, int]  # (cluster short name, index of the organisation in demo-data.py's KINDS)

# (visitor, host, state to reach, week of the stay relative to this week)
PLAN: list[tuple[Org, Org, str, int]] = [
    (("Modacc", 0), ("BFA", 1), "lump_sum_paid", -8),
    (("BFA", 0), ("EA", 2), "lump_sum_paid", -7),
    (("ICONIC", 5), ("BFA", 5), "lump_sum_paid", -7),
    (("EA", 0), ("ICONIC", 7), "completed", -6),
    (("ICONIC", 0), ("LDC", 1), "completed", -5),
    (("LDC", 6), ("EA", 6), "completed", -5),
    (("LDC", 0), ("Modacc", 1), "report_submitted", -3),
    (("Modacc", 2), ("LDC", 2), "report_sent_back", -3),
    (("BFA", 2), ("Modacc", 7), "in_progress", -1),
    (("EA", 3), ("BFA", 3), "approved", 4),
    (("ICONIC", 3), ("EA", 4), "commitment_agreed", 5),
    (("LDC", 3), ("ICONIC", 4), "accepted", 6),
    (("Modacc", 3), ("EA", 1), "requested", 6),
    (("BFA", 4), ("LDC", 4), "declined", 7),
    (("EA", 5), ("Modacc", 4), "cancelled", 7),
]
MISSION_HOST: Org = ("Modacc", 5)
MISSION_VISITORS: list[tuple[Org, str]] = [
    (("BFA", 6), "completed"),
    (("EA", 2), "report_submitted"),
    (("ICONIC", 6), "in_progress"),
]
OFFER_HOSTS = [(cluster, index) for cluster in CLUSTERS for index in (1, 5, 7)]
MAIN_PATH = ["requested", "accepted", "commitment_agreed", "approved", "in_progress", "report_submitted"]
MAIN_PATH += ["completed", "lump_sum_paid"]


def claims(headers: dict[str, str]) -> dict[str, Any]:
    """The token's claims, read without checking (the services check them)."""
    payload = headers["Authorization"].split()[1].split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def week(offset: int) -> tuple[date, date]:
    """Tuesday to Friday of the week `offset` weeks from this one."""
    monday = MONDAY + timedelta(weeks=offset)
    return monday + timedelta(days=1), monday + timedelta(days=4)


class Demo:
    def __init__(self, membership: httpx.AsyncClient, exchange: httpx.AsyncClient) -> None:
        self.membership, self.exchange = membership, exchange
        self.tokens: dict[str, dict[str, str]] = {}
        self.programme_id = ""

    async def token(self, email: str, password: str = PASSWORD) -> dict[str, str]:
        if email not in self.tokens:
            answer = await self.membership.post("/auth/sign-in", json={"email": email, "password": password})
            answer.raise_for_status()
            self.tokens[email] = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return self.tokens[email]

    async def admin(self) -> dict[str, str]:
        return await self.token(*ADMIN)

    async def manager(self, cluster: str) -> dict[str, str]:
        return await self.token(f"manager.{cluster.lower()}@demo.cloth.local")

    async def member(self, org: Org) -> dict[str, str]:
        return await self.token(f"org{org[1]}.{org[0].lower()}@demo.cloth.local")

    async def org_id(self, org: Org) -> str:
        return str(claims(await self.member(org))["org"])

    async def call(self, method: str, path: str, headers: dict[str, str], **kwargs: Any) -> Any:
        answer = await self.exchange.request(method, path, headers=headers, **kwargs)
        if answer.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text}")
        return answer.json() if answer.content else None

    async def programme(self) -> None:
        found = [p for p in await self.call("GET", "/programmes", {}) if p["name"] == PROGRAMME]
        if found:
            self.programme_id = found[0]["id"]
            return
        body = {
            "name": PROGRAMME,
            "application_window": {
                "first": str(TODAY - timedelta(days=150)),
                "last": str(TODAY + timedelta(days=365)),
            },
            "activity_window": {
                "first": str(TODAY - timedelta(days=120)),
                "last": str(TODAY + timedelta(days=400)),
            },
            "lump_sum_caps": {
                "ES": "900.00",
                "BG": "700.00",
                "FR": "1000.00",
                "RO": "700.00",
                "DK": "1100.00",
            },
        }
        self.programme_id = (await self.call("POST", "/programmes", await self.admin(), json=body))["id"]

    async def offers(self) -> int:
        added = 0
        for host in OFFER_HOSTS:
            host_id = await self.org_id(host)
            if await self.call("GET", "/hosting-offers", {}, params={"host_organisation_id": host_id}):
                continue
            body = {
                "host_organisation_id": host_id,
                "title": f"{host[0]}: a week with our team",
                "topics": ["circular design", "production", "export markets"],
                "activity_kinds": ["knowledge_sharing", "capacity_building", "networking"],
                "languages": ["en"],
                "periods": [
                    {"first": str(TODAY - timedelta(days=120)), "last": str(TODAY + timedelta(days=365))}
                ],
                "capacity": 3,
            }
            await self.call("POST", "/hosting-offers", await self.member(host), json=body)
            added += 1
        return added

    async def existing(self, visitor: Org) -> dict[str, Any] | None:
        params = {"programme_id": self.programme_id, "organisation_id": await self.org_id(visitor)}
        mine = await self.call("GET", "/exchanges", await self.member(visitor), params=params)
        return next((e for e in mine if e["visitor"]["organisation_id"] == params["organisation_id"]), None)

    async def request(self, visitor: Org, body: dict[str, Any]) -> dict[str, Any]:
        """As soon as exchange has heard of the organisations from membership's events."""
        body = {
            "visitor_organisation_id": await self.org_id(visitor),
            "activity_kind": "knowledge_sharing",
            **body,
        }
        for _ in range(300):
            answer = await self.exchange.post(
                f"/programmes/{self.programme_id}/exchanges", json=body, headers=await self.member(visitor)
            )
            if answer.status_code != 404:
                if answer.status_code != 201:
                    raise RuntimeError(f"request for {visitor}: {answer.status_code} {answer.text}")
                return dict(answer.json())
            await asyncio.sleep(0.2)
        raise RuntimeError("exchange has not heard of the demo organisations: is membership's demo loaded?")

    async def exchange_for(self, visitor: Org, host: Org, offset: int) -> dict[str, Any]:
        found = await self.existing(visitor)
        if found is not None:
            return found
        first, last = week(offset)
        body = {
            "host_organisation_id": await self.org_id(host),
            "first_day": str(first),
            "last_day": str(last),
        }
        return await self.request(visitor, body)

    async def step(self, exchange: dict[str, Any], target: str, visitor: Org, host: Org) -> dict[str, Any]:
        """One step along the way from the exchange's state to `target`."""
        path, state = f"/exchanges/{exchange['id']}", exchange["state"]
        v, h = await self.member(visitor), await self.member(host)
        vm, hm = await self.manager(visitor[0]), await self.manager(host[0])
        if (state, target) == ("requested", "declined"):
            return await self.call(
                "POST", f"{path}/decline", h, json={"reason": "We are fully booked that week."}
            )
        if (state, target) == ("accepted", "cancelled"):
            return await self.call(
                "POST", f"{path}/cancellation", v, json={"reason": "Our designer fell ill."}
            )
        if (state, target) == ("report_submitted", "report_sent_back"):
            return await self.call(
                "POST", f"{path}/send-back", vm, json={"comments": "Please add the agenda as run."}
            )
        if state == "accepted":
            commitment = {
                "goals": ["Learn how the host runs circular production"],
                "agenda": [{"day": exchange["first_day"], "activities": "Welcome and tour of the workshop"}],
                "expected_results": ["A joint project idea", "Two new supplier contacts"],
                "first_day": exchange["first_day"],
                "last_day": exchange["last_day"],
            }
            await self.call("PUT", f"{path}/commitment", v, json=commitment)
            for signatory, who in (
                ("visitor", v),
                ("host", h),
                ("visitor_cluster", vm),
                ("host_cluster", hm),
            ):
                exchange = await self.call("POST", f"{path}/signatures", who, json={"signatory": signatory})
            return exchange
        if state == "in_progress":
            await self.call("POST", f"{path}/evidence", v, params={"filename": "attendance.pdf"}, content=PDF)
            report = {
                "summary": "A week inside the host's circular workshop.",
                "lessons_learned": "Plan the visit with the host's buyers too.",
                "share_summary": True,
            }
            return await self.call("POST", f"{path}/report", v, json=report)
        if state == "report_sent_back":
            report = {
                "summary": "Revised report with the agenda as it ran.",
                "lessons_learned": "Keep notes daily.",
                "share_summary": False,
            }
            return await self.call("POST", f"{path}/report", v, json=report)
        action, who = {
            "requested": ("acceptance", h),
            "commitment_agreed": ("approval", vm),
            "approved": ("start", v),
            "report_submitted": ("validation", vm),
            "completed": ("payment", vm),
        }[state]
        return await self.call("POST", f"{path}/{action}", who)

    async def reach(self, exchange: dict[str, Any], target: str, visitor: Org, host: Org) -> None:
        for _ in range(12):
            if exchange["state"] == target:
                return
            exchange = await self.step(exchange, target, visitor, host)
        raise RuntimeError(f"could not take {exchange['id']} to {target}")

    async def mission(self) -> str:
        missions = await self.call("GET", f"/programmes/{self.programme_id}/group-missions", {})
        if missions:
            return str(missions[0]["id"])
        first, last = week(-2)
        body = {
            "host_organisation_id": await self.org_id(MISSION_HOST),
            "title": "Trade fair visit: the Barcelona textile and fashion fair",
            "first_day": str(first),
            "last_day": str(last),
            "agenda": [{"day": str(first), "activities": "Guided tour of the circular fashion hall"}],
            "capacity": 6,
        }
        path = f"/programmes/{self.programme_id}/group-missions"
        return str((await self.call("POST", path, await self.member(MISSION_HOST), json=body))["id"])

    async def load(self) -> None:
        await self.programme()
        offers = await self.offers()
        for visitor, host, target, offset in PLAN:
            await self.reach(await self.exchange_for(visitor, host, offset), target, visitor, host)
        mission_id = await self.mission()
        for visitor, target in MISSION_VISITORS:
            joined = await self.existing(visitor) or await self.request(
                visitor, {"group_mission_id": mission_id}
            )
            await self.reach(joined, target, visitor, MISSION_HOST)
        figures = await self.call("GET", f"/programmes/{self.programme_id}/figures", {})
        total = figures["total"]
        print(
            f"exchange demo: programme {self.programme_id}; {offers} hosting offers added; "
            f"{total['approved']} approved and {total['completed']} completed of {total['slots']}; "
            f"flows {[(f['from_country'], f['to_country']) for f in figures['flows']]}"
        )


async def main_async(membership_url: str, exchange_url: str) -> None:
    async with (
        httpx.AsyncClient(base_url=membership_url, timeout=30) as membership,
        httpx.AsyncClient(base_url=exchange_url, timeout=30) as exchange,
    ):
        await Demo(membership, exchange).load()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--membership-url", default=os.environ.get("MEMBERSHIP_URL", "http://127.0.0.1:8001"))
    parser.add_argument("--exchange-url", default=os.environ.get("EXCHANGE_URL", "http://127.0.0.1:8002"))
    arguments = parser.parse_args()
    try:
        asyncio.run(main_async(arguments.membership_url, arguments.exchange_url))
    except (httpx.HTTPError, RuntimeError) as error:
        sys.exit(f"exchange demo data: {error}")


if __name__ == "__main__":
    main()
