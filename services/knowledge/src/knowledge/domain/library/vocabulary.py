"""The library's closed vocabularies: kinds of resource, languages, revision states."""

from enum import StrEnum


class Kind(StrEnum):
    KNOW_HOW = "know_how"
    BEST_PRACTICE = "best_practice"
    CASE_STUDY = "case_study"
    GUIDE = "guide"
    TOOL = "tool"
    REGIONAL_ANALYSIS = "regional_analysis"
    LESSONS_LEARNED = "lessons_learned"


class Language(StrEnum):
    """The alliance's languages; each has a search configuration of its own (migration 0004)."""

    EN = "en"
    ES = "es"
    CA = "ca"
    BG = "bg"
    FR = "fr"
    RO = "ro"
    DA = "da"


class RevisionStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SENT_BACK = "sent_back"
    PUBLISHED = "published"
    # A published revision a later published one replaced: kept, no longer shown to the public.
    SUPERSEDED = "superseded"
