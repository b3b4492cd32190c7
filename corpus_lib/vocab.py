"""The closed vocabularies of the tables and the codebook, defined once and imported everywhere.

Topics, stance labels (all, and per topic), the score of each label, holders, speaker roles,
genres and date bases. The module imports nothing, so every layer may use it.
"""

TOPICS: tuple[str, ...] = ("karabakh", "russia", "membership")
STANCES: tuple[str, ...] = ("engaged", "detached", "cooperative", "adversarial", "open", "conditional", "distant", "neutral")
NEUTRAL = "neutral"
LABELS_BY_TOPIC: dict[str, tuple[str, ...]] = {
    "karabakh": ("engaged", "detached", NEUTRAL),
    "russia": ("cooperative", "adversarial", NEUTRAL),
    "membership": ("open", "conditional", "distant", NEUTRAL),
}
# The direction of each position (CODEBOOK.md); a neutral statement has no score.
LABEL_SCORES: dict[str, float] = {
    "engaged": 1.0,
    "detached": -1.0,
    "cooperative": 1.0,
    "adversarial": -1.0,
    "open": 1.0,
    "conditional": 0.0,
    "distant": -1.0,
    NEUTRAL: float("nan"),
}
HOLDERS: tuple[str, ...] = ("NATO", "Azerbaijan", "Armenia", "Russia", "EU", "media", "other")
# The holders that are states (their officials speak for them).
STATE_HOLDERS: tuple[str, ...] = ("Azerbaijan", "Armenia", "Russia")
ROLES: tuple[str, ...] = ("interviewer", "interviewee", "narrator", "quoted", "headline")
GENRES: tuple[str, ...] = ("interview", "news", "essay", "press_release", "speech")
DATE_BASES: tuple[str, ...] = ("explicit", "external", "inferred")
