"""Loads demo data into a running membership service, through its public API. Idempotent.

    .venv/bin/python deploy/local/demo-data.py [--url http://127.0.0.1:8001]

The five alliance clusters come with the migrations. This script signs in the development
administrator (MEMBERSHIP_BOOTSTRAP_ADMIN_*; defaults outside production), invites one manager
per cluster, and has organisations of every category in all five countries apply and be
approved, plus a few left pending, so the directory, the map and the figures have content.
A second run finds the demo accounts already there and changes nothing.
"""

import argparse
import asyncio
import os
import sys

import httpx

ADMIN = (
    os.environ.get("CLOTH_DEMO_ADMIN_EMAIL", "admin@cloth.local"),
    os.environ.get("CLOTH_DEMO_ADMIN_PASSWORD", "dev-only-admin-password"),
)
PASSWORD = "demo password, dev only"  # noqa: S105 - local demo accounts only

# cluster short name -> (cluster id suffix, country, language, [(city, region NUTS, lat, lon)])
CLUSTERS = {
    "Modacc": (
        1,
        "ES",
        "ca",
        [
            ("Igualada", "ES511", 41.58, 1.62),
            ("Barcelona", "ES511", 41.39, 2.17),
            ("Terrassa", "ES511", 41.56, 2.01),
            ("Mataró", "ES511", 41.54, 2.44),
        ],
    ),
    "BFA": (
        2,
        "BG",
        "bg",
        [
            ("Ruse", "BG323", 43.84, 25.97),
            ("Sofia", "BG411", 42.70, 23.32),
            ("Plovdiv", "BG421", 42.14, 24.75),
            ("Gabrovo", "BG322", 42.87, 25.32),
        ],
    ),
    "EA": (
        3,
        "FR",
        "fr",
        [
            ("Marseille", "FRL04", 43.30, 5.37),
            ("Aix-en-Provence", "FRL04", 43.53, 5.45),
            ("Toulon", "FRL05", 43.12, 5.93),
            ("Avignon", "FRL06", 43.95, 4.81),
        ],
    ),
    "ICONIC": (
        4,
        "RO",
        "ro",
        [
            ("Iași", "RO213", 47.16, 27.60),
            ("Bacău", "RO211", 46.57, 26.91),
            ("Suceava", "RO215", 47.65, 26.26),
            ("Botoșani", "RO212", 47.75, 26.67),
        ],
    ),
    "LDC": (
        5,
        "DK",
        "da",
        [
            ("Herning", "DK041", 56.14, 8.97),
            ("Copenhagen", "DK011", 55.68, 12.57),
            ("Aarhus", "DK042", 56.16, 10.20),
            ("Kolding", "DK032", 55.49, 9.47),
        ],
    ),
}

# (name pattern, category, size, value chains, activities, certifications); 9 per cluster.
KINDS = [
    (
        "{city} Knitwear Atelier",
        "sme",
        "micro",
        ["fashion_textile"],
        ["knitwear", "small series"],
        ["OEKO-TEX"],
    ),
    (
        "{city} Recycled Yarns",
        "sme",
        "small",
        ["circular_economy", "fashion_textile"],
        ["yarn recycling"],
        ["GRS"],
    ),
    ("{city} Denim Works", "sme", "medium", ["fashion_textile"], ["denim", "laundry"], ["GOTS"]),
    ("Studio {city} Design", "sme", "micro", ["creative_industries"], ["pattern design"], []),
    ("{city} Fashion Tech", "sme", "small", ["digital_technology", "fashion_textile"], ["3D sampling"], []),
    (
        "{city} Textile Cluster Association",
        "cluster_organisation",
        "small",
        ["fashion_textile"],
        ["networking"],
        [],
    ),
    (
        "{city} Business Development Agency",
        "support_organisation",
        "small",
        ["circular_economy"],
        ["advice"],
        [],
    ),
    (
        "{city} Garment Group",
        "large_company",
        "large",
        ["fashion_textile"],
        ["garments", "retail"],
        ["ISO 14001"],
    ),
    ("Municipality of {city}", "public_body", "large", ["creative_industries"], ["regional policy"], []),
]
PENDING = 1  # the last organisation of each cluster waits for a decision


def bearer(answer: httpx.Response) -> dict[str, str]:
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def account(
    api: httpx.AsyncClient, email: str, language: str, invitation: str | None = None
) -> dict[str, str]:
    """Sign up (answered alike whether or not the account exists: a second run), then sign in."""
    body = {"email": email, "password": PASSWORD, "display_name": email.split("@")[0], "language": language}
    if invitation:
        body["invitation_token"] = invitation
    (await api.post("/auth/sign-up", json=body)).raise_for_status()
    return bearer(await api.post("/auth/sign-in", json={"email": email, "password": PASSWORD}))


async def manager(
    api: httpx.AsyncClient, admin: dict[str, str], short: str, suffix: int, language: str
) -> dict:
    email = f"manager.{short.lower()}@demo.cloth.local"
    cluster_id = f"0b1c0000-0000-4000-8000-00000000000{suffix}"
    known = await api.post("/auth/sign-in", json={"email": email, "password": PASSWORD})
    if known.status_code == 200:
        return bearer(known)
    invited = await api.post(
        "/invitations",
        headers=admin,
        json={"email": email, "role": "cluster_manager", "cluster_id": cluster_id},
    )
    invited.raise_for_status()
    return await account(api, email, language, invited.json()["invitation_token"])


async def organisation(api, short, suffix, country, language, index, place, kind) -> str | None:
    """Apply as the organisation's first person; returns its id, or None if it already exists."""
    city, region, lat, lon = place
    name, category, size, chains, activities, certifications = kind
    email = f"org{index}.{short.lower()}@demo.cloth.local"
    applicant = await account(api, email, language)
    body = {
        "legal_name": name.format(city=city),
        "category": category,
        "country": country,
        "region": region,
        "cluster_id": f"0b1c0000-0000-4000-8000-00000000000{suffix}",
        "city": city,
        "latitude": round(lat + 0.01 * index, 4),
        "longitude": round(lon - 0.01 * index, 4),
        "registration_number": f"DEMO-{country}-{index:03d}",
        "value_chains": chains,
        "size_band": size,
        "activities": activities,
        "certifications": certifications,
        "languages": [language, "en"],
        "website": f"https://demo-{short.lower()}-{index}.example",
        "description": f"{name.format(city=city)}.",
    }
    applied = await api.post("/organisations", json=body, headers=applicant)
    if applied.status_code == 409:  # already applied on an earlier run
        return None
    applied.raise_for_status()
    return str(applied.json()["id"])


async def load(url: str) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as api:
        admin = bearer(await api.post("/auth/sign-in", json={"email": ADMIN[0], "password": ADMIN[1]}))
        created = 0
        for short, (suffix, country, language, places) in CLUSTERS.items():
            decider = await manager(api, admin, short, suffix, language)
            for index, kind in enumerate(KINDS):
                place = places[index % len(places)]
                organisation_id = await organisation(
                    api, short, suffix, country, language, index, place, kind
                )
                if organisation_id is None:
                    continue
                created += 1
                if index < len(KINDS) - PENDING:
                    approved = await api.post(f"/organisations/{organisation_id}/approval", headers=decider)
                    approved.raise_for_status()
        figures = (await api.get("/figures")).json()
        print(
            f"demo data: {created} organisations added; {figures['active_participants']} active "
            f"(target {figures['target']}), by country {figures['by_country']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("MEMBERSHIP_URL", "http://127.0.0.1:8001"))
    try:
        asyncio.run(load(parser.parse_args().url))
    except httpx.HTTPError as error:
        sys.exit(f"demo data: membership did not answer as expected: {error}")


if __name__ == "__main__":
    main()
