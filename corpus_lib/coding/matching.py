"""A sentence's cues in context: topic cues, references, and the scope and polarity of stance cues.

:class:`Sentence` holds one sentence's rule matches, found stage by stage and only when
needed (:meth:`Rules.match_stage <corpus_lib.coding.rules.Rules.match_stage>`), and the
word groups it contains. :class:`Scope` holds its negators, stopping verbs, embedded open
questions and scope boundaries. On these the functions here decide what a cue means in
its sentence:

- :func:`topic_status`: whether a topic cue fires alone (``explicit``), needs the topic
  named nearby (``context``), or is blocked;
- :func:`anaphor`: the reference ("He", "this war", a leading connective) that links a
  sentence to the one before;
- :func:`polarity`: a stance cue's label after negation ("not …", "… is out of the
  question"), stopping verbs ("suspended cooperation") and embedded open questions
  ("whether …");
- :func:`near`: whether a cue lies close enough to the topic's own cue.

Distances are counted in words; a negator's reach ends at a scope boundary (punctuation
of ``policy.json``, stop words, plain reporting verbs).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from corpus_lib.coding.rules import CUE_STAGES, SCOPE_STAGE, STAGES, Rule, Rules
from corpus_lib.coding.words import WORD, Words

__all__ = ["Scope", "Sentence", "anaphor", "near", "polarity", "topic_status"]

Match = tuple[Rule, int, int]  # a rule and the span it matched


class Sentence:
    """One sentence's matches and word groups, matched stage by stage when needed.

    Topic cues are matched at once; references (:meth:`references`) only where a topic
    could be carried over; a topic's stance cues (:meth:`cues`) only where a stance on it is
    coded, and negators and reporting verbs (:attr:`scope`) only where such a cue matched.
    """

    __slots__ = ("_done", "_groups", "_scope", "_words", "by_kind", "rules", "text")

    def __init__(self, text: str, rules: Rules):
        self.text = text
        self.rules = rules
        self._words: Words | None = None
        self.by_kind: dict[str, list[Match]] = {}
        self._done: set[int] = set()
        self._groups: dict[str, bool] = {}
        self._scope: Scope | None = None
        self._stage(0)

    def _stage(self, stage: int) -> Sentence:
        if stage not in self._done:
            self._done.add(stage)
            rules = self.rules
            by_kind = self.by_kind
            for i, s, e in sorted(rules.match_stage(self.text, stage, self._get_words)):
                r = rules.rules[i]
                by_kind.setdefault(r.kind, []).append((r, s, e))
        return self

    def _get_words(self) -> Words:
        if self._words is None:
            self._words = Words(self.text)
        return self._words

    def references(self) -> Sentence:
        return self._stage(1)

    def full(self) -> Sentence:
        """Every rule matched: the scope rules and the cues of all topics."""
        for stage in STAGES[SCOPE_STAGE:]:
            self._stage(stage)
        return self

    def cues(self, topic: str) -> list[Match]:
        """The stance cues of ``topic`` in the sentence (those of other topics are not matched)."""
        self._stage(CUE_STAGES[topic])
        return [m for m in self.by_kind.get("cue", []) if m[0].topic == topic]

    def group(self, name: str) -> bool:
        """Whether the word group ``name`` occurs (tried only where its first words do)."""
        hit = self._groups.get(name)
        if hit is None:
            regex = self.rules.groups[name]
            heads = self.rules._group_heads[name]
            if heads is None:
                hit = regex.search(self.text) is not None
            else:
                words = self._get_words()
                text = self.text
                hit = any(  # whether, not where: the order the words are tried in is free
                    regex.match(text, start) is not None
                    for key in heads.intersection(words.keys)
                    for start in words.starts(key)
                )
            self._groups[name] = hit
        return hit

    def kind(self, kind: str) -> list[Match]:
        return self.by_kind.get(kind, [])

    @property
    def scope(self) -> Scope:
        if self._scope is None:
            self._scope = Scope(self._stage(SCOPE_STAGE))
        return self._scope


class Scope:
    """Negators, stopping verbs and scope boundaries of a sentence.

    Distances are counted in words between two character offsets, and boundaries are
    looked up in the text between them, on demand: most sentences need a handful.
    """

    __slots__ = ("frames", "halts", "negators", "post_halts", "post_negators", "rules", "stops", "text", "voids")

    def __init__(self, sent: Sentence):
        self.text = sent.text
        self.rules = sent.rules
        pseudo = [(s, e) for _, s, e in sent.kind("pseudo")]
        self.negators = sorted(
            (
                (r, s, e)
                for r, s, e in sent.kind("negator") + sent.kind("wide") + sent.kind("deny")
                if not any(ps <= s and e <= pe for ps, pe in pseudo)
            ),
            key=lambda x: (x[1], x[2]),
        )
        self.post_negators = sorted(
            ((r, s, e) for r, s, e in sent.kind("post_negator") if not any(ps <= s and e <= pe for ps, pe in pseudo)),
            key=lambda x: (x[1], x[2]),
        )
        self.halts = sorted(sent.kind("halt"), key=lambda x: (x[1], x[2]))
        self.post_halts = sorted(sent.kind("post_halt"), key=lambda x: (x[1], x[2]))
        # Open questions embedded in a statement ("it remains to be seen whether …") make
        # no claim: a cue in their scope is void.
        self.voids = sorted(sent.kind("void"), key=lambda x: (x[1], x[2]))
        self.frames = sent.kind("frame") + sent.kind("frame_raising") + sent.kind("deny")
        # Stop words and plain reporting verbs end a negator's scope.
        self.stops = sorted(s for _, s, _ in sent.kind("stop") + sent.kind("frame"))

    def words_between(self, a: int, b: int) -> int:
        """Number of words starting in ``[a, b)``."""
        return len(WORD.findall(self.text, a, b)) if b > a else 0

    def stops_between(self, a: int, b: int, *, soft: bool) -> bool:
        """Whether a scope boundary lies in ``[a, b)`` (commas only count if ``soft``)."""
        if b <= a:
            return False
        i = bisect.bisect_left(self.stops, a)
        if i < len(self.stops) and self.stops[i] < b:
            return True
        if self.rules._hard_stop.search(self.text, a, b):
            return True
        return soft and self.rules._soft_stop.search(self.text, a, b) is not None


# "does not have, and does not seek, a role": a negated verb set off by commas in a
# coordination shares the object after the comma (right-node raising).
_COORD_BEFORE = re.compile(r",\s*(?:and|or|nor|but)\s+(?:\w+\s+){0,3}\Z", re.IGNORECASE)
_SHARED_OBJECT = re.compile(r"\s*\w+\s*,\s*(?:\w+\s+){0,2}\Z")


def _shared_object(scope: Scope, s: int, e: int, start: int) -> bool:
    return (
        _SHARED_OBJECT.match(scope.text, e, start) is not None
        and _COORD_BEFORE.search(scope.text, 0, s) is not None
        and not scope.stops_between(e, start, soft=False)
    )


# Nouns of will after "no" whose negation reaches the verb they govern ("no intention of becoming …").
_VOLITION = re.compile(
    r"\s+(?:\w+\s+)?(?:intention|intent|plans?|desire|wish|need|reason|interest|willingness|appetite|ambition|"
    r"aim|goal|mandate)\b",
    re.IGNORECASE,
)


# Where "no" opens a clause's subject ("No outside country has a veto"): it negates the clause.
_CLAUSE_OPENING = re.compile(r"(?:\A|[,;:\"“]|\bthat|\bas)\W*\Z", re.IGNORECASE)


def _negates_its_noun_only(text: str, s: int, e: int) -> bool:
    """Whether a negator is "no" before a noun that is not its clause's subject and not a noun
    of will: it then negates that noun alone, not the words after it."""
    return (
        text[s:e].lower() == "no"
        and not _VOLITION.match(text, e)
        and not _CLAUSE_OPENING.search(text, max(0, s - 12), s)
    )


def _negation(scope: Scope, start: int, end: int, windows: Mapping[str, int]) -> Match | None:
    """The negator that reaches the span ``[start, end)``, or ``None``.

    A negator before the cue reaches it within its window unless a boundary lies between;
    failing that, a negating predicate after it (``post_negator``: "… is not going to
    happen", "… is out of the question") reaches back over the same window.
    """
    best = None
    for r, s, e in scope.negators:
        if s >= end:
            break
        if s == start:
            continue  # the cue's own opening words read as a negator ("rules out", "staying out of every bloc")
        if s >= start:  # inside the cue itself
            return (r, s, e)
        if e > start:
            continue
        wide = r.kind in ("wide", "deny")
        window = windows["deny"] if r.kind == "deny" else windows["wide"] if wide else windows["negation"]
        if _negates_its_noun_only(scope.text, s, e) and not wide:
            window = min(window, windows["determiner"])  # "no objection to … ties": no negates its noun
        if scope.words_between(e, start) <= window and (
            not scope.stops_between(e, start, soft=not wide) or _shared_object(scope, s, e, start)
        ):
            best = (r, s, e)
    if best is not None:
        return best
    return _nearest_after(scope, scope.post_negators, end, windows["negation"])


def _nearest_before(scope: Scope, marks: list[Match], start: int, window: int) -> Match | None:
    """The last of ``marks`` (sorted by offset) that ends before ``start`` within ``window``
    words, with no clause boundary (soft stops included) between; else ``None``."""
    best = None
    for r, s, e in marks:
        if e > start:
            break
        if scope.words_between(e, start) <= window and not scope.stops_between(e, start, soft=True):
            best = (r, s, e)
    return best


def _nearest_after(scope: Scope, marks: list[Match], end: int, window: int) -> Match | None:
    """The first of ``marks`` (sorted by offset) that starts after ``end`` within ``window``
    words, with no clause boundary (soft stops included) between; else ``None``."""
    for r, s, e in marks:
        if s < end:
            continue
        if scope.words_between(end, s) <= window and not scope.stops_between(end, s, soft=True):
            return (r, s, e)
    return None


def _halting(scope: Scope, start: int, end: int, windows: Mapping[str, int]) -> Match | None:
    """The stopping verb that reaches ``[start, end)`` (before it, or a passive after it)."""
    before = _nearest_before(scope, scope.halts, start, windows["halt"])
    if before is not None:
        return before
    return _nearest_after(scope, scope.post_halts, end, windows["post_halt"])


def _voiding(scope: Scope, start: int, windows: Mapping[str, int]) -> Match | None:
    """The embedded open question ("whether", "it remains to be seen if") that reaches a
    cue at ``start``: within the negation window before it, inside its clause."""
    return _nearest_before(scope, scope.voids, start, windows["negation"])


def polarity(rule: Rule, scope: Scope, start: int, end: int, windows: Mapping[str, int]) -> tuple[str, Match | None]:
    """The cue's label in context, and the negator or stopping verb that set it.

    A negator changes the label as the cue's ``negated`` column says (``=``: it does
    not); a stopping verb ("suspended", "end") as its ``halted`` column says; a negated
    stopping verb ("did not suspend") cancels both. A cue inside an embedded open
    question ("whether …", kind ``void``) is void: ``("", the void rule)``.
    """
    if scope.voids:
        void = _voiding(scope, start, windows)
        if void is not None:
            return "", void
    neg = _negation(scope, start, end, windows)
    halt = _halting(scope, start, end, windows) if rule.halted not in ("", "=") else None
    if halt is not None and neg is not None and neg[2] <= halt[1] < start:
        return rule.label, None  # the negator negates the stopping verb
    if neg is not None:
        if rule.negated == "=":
            return rule.label, None  # negation-proof, or the cue holds the negation itself
        return rule.negated, neg
    if halt is not None:
        return rule.halted, halt
    return rule.label, None


def near(scope: Scope, start: int, anchors: list[tuple[int, int]], window: int, *, after: bool) -> bool:
    """Whether a cue at ``start`` lies within ``window`` words of one of the topic's cues
    (``after``: of one that follows it, as its object)."""
    if not anchors:
        return True  # the topic came from a reference: the whole sentence is about it
    for a, _ in anchors:
        if after and a < start:
            continue
        lo, hi = (a, start) if a <= start else (start, a)
        if scope.words_between(lo, hi) <= window:
            return True
    return False


def topic_status(rule: Rule, sent: Sentence) -> str | None:
    """How a topic cue fires in a sentence: ``explicit``, ``context`` (it needs the topic
    named in the same or an earlier turn) or ``None`` (blocked, or a needed group is missing)."""
    if rule.blocked_by and any(sent.group(g) for g in rule.blocked_by):
        return None
    if not rule.needs:
        return "explicit"
    contextual = False
    for alt in rule.needs:
        if all(sent.group(g) for g in alt if g != "context"):
            if "context" in alt:
                contextual = True
            else:
                return "explicit"
    return "context" if contextual else None


def _opening_offsets(sent: Sentence) -> set[int]:
    """Character offsets where a sentence 'opens': its first word, and the word after a
    leading connective."""
    m = WORD.search(sent.text)
    if m is None:
        return set()
    opens = {m.start()}
    for _, s, e in sent.kind("connective_start"):
        if s == m.start():
            nxt = WORD.search(sent.text, e)
            if nxt is not None:
                opens.add(nxt.start())
    return opens


def answer(sent: Sentence) -> tuple[Rule, str, str] | None:
    """The reply that opens an answer ("Not at all.", "Yes, it is."), which links it to the
    question before it across the turn: (rule, cue, strength)."""
    opens = _opening_offsets(sent)
    for r, s, e in sent.kind("answer_start"):
        if s in opens:
            return r, sent.text[s:e], "anaphora"
    return None


def anaphor(sent: Sentence) -> tuple[Rule, str, str] | None:
    """The reference that links a sentence to the one before: (rule, cue, strength)."""
    opens = _opening_offsets(sent)
    for r, s, e in sent.kind("pronoun_start"):
        if s in opens:
            return r, sent.text[s:e], "anaphora"
    refs = sent.kind("reference")
    if refs:
        r, s, e = min(refs, key=lambda x: (x[1], x[0].rule_id))
        return r, sent.text[s:e], "anaphora"
    for r, s, e in sent.kind("connective_start"):
        if s in opens:
            return r, sent.text[s:e], "connective"
    return None
