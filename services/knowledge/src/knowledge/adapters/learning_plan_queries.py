"""The SQL of learner profiles, named."""

LEARNER_PROFILE_COLUMNS = (
    "organisation_id",
    "category",
    "value_chains",
    "languages",
    "exchange_activities",
    "described_at",
)
_SELECT = f"SELECT {', '.join(LEARNER_PROFILE_COLUMNS)} FROM learner_profiles WHERE organisation_id = $1"

GET_LEARNER_PROFILE = _SELECT
GET_LEARNER_PROFILE_FOR_UPDATE = _SELECT + " FOR UPDATE"

SAVE_LEARNER_PROFILE = """
INSERT INTO learner_profiles
    (organisation_id, category, value_chains, languages, exchange_activities, described_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (organisation_id) DO UPDATE SET
    category = EXCLUDED.category,
    value_chains = EXCLUDED.value_chains,
    languages = EXCLUDED.languages,
    exchange_activities = EXCLUDED.exchange_activities,
    described_at = EXCLUDED.described_at
"""
