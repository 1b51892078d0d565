"""Every SQL statement of the regional analyses and the cooperation roadmap, named."""

# Writers of one aggregate queue behind a transaction-scoped advisory lock on its name, taken
# before reading it: this also serialises the first writers of an aggregate that has no row yet.
LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))"

GET_ANALYSIS = "SELECT document FROM regional_analyses WHERE region_code = $1 AND year = $2"
SAVE_ANALYSIS = """
INSERT INTO regional_analyses (region_code, year, revision, written_at, document)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (region_code, year) DO UPDATE SET
    revision = EXCLUDED.revision, written_at = EXCLUDED.written_at, document = EXCLUDED.document
"""
LATEST_ANALYSIS_PER_REGION = """
SELECT DISTINCT ON (region_code) document FROM regional_analyses ORDER BY region_code, year DESC
"""
ANALYSIS_HISTORY = "SELECT document FROM regional_analyses WHERE region_code = $1 ORDER BY year DESC"

STRATEGY_VERSIONS = "SELECT document FROM partnership_strategy_versions ORDER BY number"
SAVE_STRATEGY_VERSION = """
INSERT INTO partnership_strategy_versions (number, approved_at, document) VALUES ($1, $2, $3)
ON CONFLICT (number) DO UPDATE SET approved_at = EXCLUDED.approved_at, document = EXCLUDED.document
"""

GET_CLUSTER_STRATEGY = "SELECT document FROM cluster_strategies WHERE cluster_id = $1"
ALL_CLUSTER_STRATEGIES = "SELECT document FROM cluster_strategies ORDER BY cluster_id"
SAVE_CLUSTER_STRATEGY = """
INSERT INTO cluster_strategies (cluster_id, revision, document) VALUES ($1, $2, $3)
ON CONFLICT (cluster_id) DO UPDATE SET revision = EXCLUDED.revision, document = EXCLUDED.document
"""

GET_CERTIFICATION = "SELECT document FROM cluster_certifications WHERE cluster_id = $1"
ALL_CERTIFICATIONS = "SELECT document FROM cluster_certifications ORDER BY cluster_id"
SAVE_CERTIFICATION = """
INSERT INTO cluster_certifications (cluster_id, revision, document) VALUES ($1, $2, $3)
ON CONFLICT (cluster_id) DO UPDATE SET revision = EXCLUDED.revision, document = EXCLUDED.document
"""
