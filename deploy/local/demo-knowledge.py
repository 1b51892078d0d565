"""Loads the regional analyses and the cooperation roadmap through the knowledge API. Idempotent.

    .venv/bin/python deploy/local/demo-knowledge.py [--knowledge-url …] [--membership-url …]

Runs after demo-data.py, whose accounts it signs in (the administrator, one manager per partner
cluster). Loads: two years of analysis for each of the five partner regions; a partnership
strategy drafted by Modacc and approved by all five partners; each cluster's own strategy with
its progress; cluster-excellence labels and plans for the next level. A second run finds
everything in place and changes nothing. The figures are illustrative, not statistics: each
source says "demo figure" and points to where the real figure is published.
"""

import argparse
import asyncio
import os
import sys
from datetime import date
from typing import Any

import httpx

ADMIN = (
    os.environ.get("CLOTH_DEMO_ADMIN_EMAIL", "admin@cloth.local"),
    os.environ.get("CLOTH_DEMO_ADMIN_PASSWORD", "dev-only-admin-password"),
)
PASSWORD = "demo password, dev only"  # noqa: S105 - the demo accounts of demo-data.py
TODAY = date.today()
CLUSTER = {
    short: f"0b1c0000-0000-4000-8000-00000000000{n}"
    for n, short in enumerate(("Modacc", "BFA", "EA", "ICONIC", "LDC"), 1)
}

# region -> (cluster, statistics office, its address, companies, employment, exports (EUR m),
#            circular-economy companies)
REGIONS: dict[str, tuple[str, str, str, int, int, int, int]] = {
    "ES51": ("Modacc", "Idescat", "https://www.idescat.cat/", 4100, 38000, 8900, 310),
    "BG32": ("BFA", "National Statistical Institute", "https://www.nsi.bg/", 900, 21000, 640, 45),
    "FRL0": ("EA", "Insee", "https://www.insee.fr/", 2300, 14000, 1900, 260),
    "RO21": ("ICONIC", "Institutul National de Statistica", "https://insse.ro/", 1200, 33000, 1100, 70),
    "DK04": ("LDC", "Statistics Denmark", "https://www.dst.dk/", 700, 9000, 2600, 150),
}
TRENDS = {
    "ES51": "Knitwear and technical textiles move to recycled and regenerated yarns; brands near-shore.",
    "BG32": "Contract manufacturing for EU brands grows into own collections; first textile-sorting lines.",
    "FRL0": "Eco-design and second-hand platforms; public buyers ask for recycled content.",
    "RO21": "Garment makers automate cutting and invest in digital product passports.",
    "DK04": "Design-led brands lead on take-back schemes and extended producer responsibility.",
}
CHALLENGES = "Skilled technicians are scarce; energy and compliance costs weigh on small firms."

STRATEGY = {
    "title": "Circular and connected fashion clusters 2030",
    "vision": "Five regions whose fashion and textile SMEs design for circularity and grow abroad together.",
    "objectives": [
        {
            "code": "O1",
            "title": "Circularity",
            "description": "Members design, make and sell for reuse and recycling.",
        },
        {
            "code": "O2",
            "title": "Internationalisation",
            "description": "Members find partners and buyers abroad.",
        },
        {
            "code": "O3",
            "title": "Cluster excellence",
            "description": "Every partner cluster raises its label.",
        },
    ],
    "actions": [
        {
            "code": "A1",
            "title": "Textile-waste sorting pilots",
            "objective_code": "O1",
            "cluster_ids": [CLUSTER["Modacc"], CLUSTER["EA"], CLUSTER["BFA"]],
        },
        {
            "code": "A2",
            "title": "Joint trade-fair missions",
            "objective_code": "O2",
            "cluster_ids": [CLUSTER["ICONIC"], CLUSTER["LDC"], CLUSTER["Modacc"]],
        },
        {
            "code": "A3",
            "title": "Peer reviews towards the next label",
            "objective_code": "O3",
            "cluster_ids": list(CLUSTER.values()),
        },
    ],
    "indicators": [
        {
            "code": "I1",
            "title": "Members with a circular product",
            "unit": "companies",
            "objective_code": "O1",
            "baseline": 40,
            "target": 150,
            "target_year": 2030,
        },
        {
            "code": "I2",
            "title": "Cross-border exchanges",
            "unit": "exchanges",
            "objective_code": "O2",
            "baseline": 0,
            "target": 100,
            "target_year": 2027,
        },
        {
            "code": "I3",
            "title": "Partner clusters holding silver or gold",
            "unit": "clusters",
            "objective_code": "O3",
            "baseline": 1,
            "target": 5,
            "target_year": 2030,
        },
    ],
}
# cluster -> (its own action, objectives served, partner clusters, progress on I1 and I2)
OWN_ACTIONS = {
    "Modacc": ("Repair-and-reuse workshops for knitwear makers", ["O1"], ["LDC"], 70, 18),
    "BFA": ("Sorting-line apprenticeships in Ruse", ["O1"], ["EA"], 52, 9),
    "EA": ("Eco-design clinic with public buyers", ["O1", "O3"], ["BFA"], 61, 11),
    "ICONIC": ("Digital product passport pilot", ["O1", "O2"], ["Modacc"], 48, 14),
    "LDC": ("Take-back scheme playbook for SMEs", ["O1"], ["Modacc", "ICONIC"], 80, 12),
}
LABELS = {
    "Modacc": ["bronze", "silver"],
    "BFA": ["bronze"],
    "EA": ["bronze"],
    "LDC": ["bronze", "silver", "gold"],
}
NEXT_STEPS = ["Self-assessment with the ESCA benchmarking questionnaire", "Peer review by a partner cluster"]


def analysis(region: str, year: int) -> dict[str, Any]:
    _, office, url, companies, employment, exports, circular = REGIONS[region]
    growth = 1.0 if year == TODAY.year - 1 else 0.96

    def figure(value: float, unit: str) -> dict[str, Any]:
        return {
            "value": round(value * growth),
            "unit": unit,
            "source": {"title": f"{office} (demo figure)", "url": url},
        }

    indicators = {
        "fashion_textile_companies": figure(companies, "companies"),
        "employment": figure(employment, "people"),
        "exports": figure(exports, "EUR million"),
        "circular_economy_companies": figure(circular, "companies"),
    }
    return {"indicators": indicators, "trends": TRENDS[region], "challenges": CHALLENGES}


class Demo:
    def __init__(self, membership: httpx.AsyncClient, knowledge: httpx.AsyncClient) -> None:
        self.membership, self.knowledge = membership, knowledge
        self.tokens: dict[str, dict[str, str]] = {}
        self.done: list[str] = []

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

    async def call(
        self, method: str, path: str, headers: dict[str, str], body: Any = None, *, missing_ok: bool = False
    ) -> Any:
        answer = await self.knowledge.request(method, path, headers=headers, json=body)
        if missing_ok and answer.status_code == 404:
            return None
        if answer.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text}")
        return answer.json()

    async def analyses(self) -> None:
        for region, (cluster, *_) in REGIONS.items():
            known = {a["year"] for a in await self.call("GET", f"/regional-analyses/{region}", {})}
            for year in (TODAY.year - 2, TODAY.year - 1):
                if year not in known:
                    await self.call(
                        "PUT",
                        f"/regional-analyses/{region}/{year}",
                        await self.manager(cluster),
                        analysis(region, year),
                    )
                    self.done.append(f"analysis {region} {year}")

    async def partnership_strategy(self) -> None:
        versions = await self.call("GET", "/partnership-strategy/versions", await self.admin())
        if not versions:
            versions = [
                await self.call(
                    "POST", "/partnership-strategy/versions", await self.manager("Modacc"), STRATEGY
                )
            ]
            self.done.append("partnership strategy drafted")
        latest = versions[-1]
        for cluster, cluster_id in CLUSTER.items():
            if cluster_id not in latest["approving_cluster_ids"]:
                await self.call(
                    "POST",
                    f"/partnership-strategy/versions/{latest['number']}/approvals",
                    await self.manager(cluster),
                )
                self.done.append(f"approved by {cluster}")

    async def cluster_roadmaps(self) -> None:
        for cluster, (title, serves, partners, circular, exchanges) in OWN_ACTIONS.items():
            cluster_id, manager = CLUSTER[cluster], await self.manager(cluster)
            if await self.call("GET", f"/clusters/{cluster_id}/strategy", {}, missing_ok=True) is None:
                body = {
                    "summary": f"{cluster}'s contribution to the partnership strategy.",
                    "actions": [
                        {
                            "code": "M1",
                            "title": title,
                            "serves": serves,
                            "partner_cluster_ids": [CLUSTER[p] for p in partners],
                            "status": "in_progress",
                        }
                    ],
                    "progress": [
                        {"indicator_code": "I1", "value": circular, "as_of": str(TODAY.replace(day=1))},
                        {"indicator_code": "I2", "value": exchanges, "as_of": str(TODAY.replace(day=1))},
                    ],
                }
                await self.call("PUT", f"/clusters/{cluster_id}/strategy", manager, body)
                self.done.append(f"strategy of {cluster}")
            await self.labels(cluster, cluster_id, manager)

    async def labels(self, cluster: str, cluster_id: str, manager: dict[str, str]) -> None:
        certification = await self.call("GET", f"/clusters/{cluster_id}/certification", {})
        held = len(certification["awards"])
        for offset, level in enumerate(LABELS.get(cluster, [])[held:], start=held):
            awarded_on = date(TODAY.year - 4 + offset, 6, 15)
            certification = await self.call(
                "POST",
                f"/clusters/{cluster_id}/labels",
                await self.admin(),
                {"level": level, "awarded_on": str(awarded_on)},
            )
            self.done.append(f"{level} label for {cluster}")
        if certification["next_level"] and not certification["plan"]:
            steps = [
                {"title": step, "due": str(date(TODAY.year + 1, 3 * n, 30))}
                for n, step in enumerate(NEXT_STEPS, 1)
            ]
            await self.call("PUT", f"/clusters/{cluster_id}/label-plan", manager, {"steps": steps})
            self.done.append(f"plan towards {certification['next_level']} for {cluster}")

    async def load(self) -> None:
        await self.analyses()
        await self.partnership_strategy()
        await self.cluster_roadmaps()
        cooperation = await self.call("GET", "/cooperation-map", {})
        changes = ", ".join(self.done) or "everything was in place"
        links, version = len(cooperation["links"]), cooperation["strategy_version"]
        print(
            f"knowledge demo: {len(self.done)} changes ({changes}); "
            f"{links} cooperation links on strategy version {version}"
        )


async def main_async(membership_url: str, knowledge_url: str) -> None:
    async with (
        httpx.AsyncClient(base_url=membership_url, timeout=30) as membership,
        httpx.AsyncClient(base_url=knowledge_url, timeout=30) as knowledge,
    ):
        await Demo(membership, knowledge).load()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--membership-url", default=os.environ.get("MEMBERSHIP_URL", "http://127.0.0.1:8001"))
    parser.add_argument("--knowledge-url", default=os.environ.get("KNOWLEDGE_URL", "http://127.0.0.1:8003"))
    arguments = parser.parse_args()
    try:
        asyncio.run(main_async(arguments.membership_url, arguments.knowledge_url))
    except (httpx.HTTPError, RuntimeError) as error:
        sys.exit(f"knowledge demo data: {error}")


if __name__ == "__main__":
    main()
