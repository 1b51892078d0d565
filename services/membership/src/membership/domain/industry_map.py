"""The industry map: active organisations as GeoJSON features or CSV rows, and platform figures."""

from collections.abc import Iterable
from typing import Any

from membership.domain.organisations import Organisation

TARGET_ACTIVE_PARTICIPANTS = 50  # "at least 50 SMEs and other stakeholders" (domain notes)

CSV_COLUMNS = (
    "id",
    "legal_name",
    "category",
    "cluster_id",
    "country",
    "region",
    "city",
    "latitude",
    "longitude",
    "value_chains",
    "size_band",
    "certifications",
    "website",
)


def _public_properties(organisation: Organisation) -> dict[str, Any]:
    o, p = organisation, organisation.profile
    return {
        "id": str(o.id),
        "legal_name": p.legal_name,
        "category": o.category.value,
        "cluster_id": str(o.cluster_id),
        "country": o.country,
        "region": p.region,
        "city": p.city,
        "value_chains": list(p.value_chains),
        "size_band": p.size_band,
        "certifications": list(p.certifications),
        "website": p.website,
    }


def feature_collection(organisations: Iterable[Organisation]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection; organisations without coordinates are left off the map."""
    features = [
        {
            "type": "Feature",
            "id": str(o.id),
            # GeoJSON orders coordinates longitude first.
            "geometry": {"type": "Point", "coordinates": [o.profile.longitude, o.profile.latitude]},
            "properties": _public_properties(o),
        }
        for o in organisations
        if o.profile.latitude is not None and o.profile.longitude is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def figures(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """The platform figures from the counts by dimension: each active organisation has one category."""
    active = sum(counts["category"].values())
    target = TARGET_ACTIVE_PARTICIPANTS
    return {
        "active_participants": active,
        "target": target,
        "progress": round(active / target, 3),
        "by_category": counts["category"],
        "by_country": counts["country"],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    text = str(value)
    # Cells starting like a formula are neutralised so spreadsheets do not execute them.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_row(organisation: Organisation) -> list[str]:
    properties = _public_properties(organisation)
    properties["latitude"] = organisation.profile.latitude
    properties["longitude"] = organisation.profile.longitude
    return [_cell(properties[column]) for column in CSV_COLUMNS]
