"""The route classes of the exchange API: bodies read within a limit before anything parses them.

JSON bodies are small here (the largest, a month's agenda, stays far below the limit); evidence
uploads are raw files, up to the evidence limit. Beyond a limit the answer is a 413 problem.
"""

from cloth_shared.bodies import json_route
from exchange.domain.evidence import MAX_EVIDENCE_BYTES

JSON_BODY_LIMIT = 256 * 1024

JsonRoute = json_route(max_bytes=JSON_BODY_LIMIT)
EvidenceRoute = json_route(max_bytes=MAX_EVIDENCE_BYTES)
