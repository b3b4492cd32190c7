"""The closed sets of values the tables use, defined once (no imports, so any module can use them)."""

TOPICS: tuple[str, ...] = ("karabakh", "russia", "membership")
STANCES: tuple[str, ...] = ("engaged", "detached", "cooperative", "adversarial", "open", "conditional", "distant", "neutral")
HOLDERS: tuple[str, ...] = ("NATO", "Azerbaijan", "Armenia", "Russia", "EU", "media", "other")
ROLES: tuple[str, ...] = ("interviewer", "interviewee", "narrator", "quoted", "headline")
