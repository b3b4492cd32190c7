"""How narration tells a person's post, apart from the title that introduces them.

Profiles and features give a name first and the post later, in the name's own clause ("Wennberg,
a Swedish diplomat, has been deputy to NATO's special representative"), by pronoun ("she is the
Alliance's deputy liaison officer"), by a bare title or a description as subject ("The
52-year-old former naval officer is NATO's liaison officer"), or by the body the person heads.
These patterns find the post's words; :class:`corpus_lib.pipeline.discourse.Discourse` decides
whose post it is and which side it names.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline.clauses import ROLE_NOUNS

# A post told of a description as subject, the person's name given before: "The 52-year-old former
# naval officer is NATO's liaison officer", "The Arabist, who learned his trade in Aden, has been
# Moscow's roving envoy".
DESCRIBED_POST = re.compile(
    r"^\W*(?P<subject>(?i:the)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?:,\s+(?:who|whose)\s[^,;:]{2,150},)?\s+"
    r"(?:is|was|has\s+been|had\s+been|serves\s+as|works\s+as|became|has\s+become)\s+(?:now\s+)?"
    r"(?P<title>(?:the|a|an|one\s+of|[A-Z][\w\-]*['’]s)\s+[^,.;:!?]{2,100})"
)
# A post told by pronoun: "A Norwegian who served in Kabul, she is the Alliance's deputy liaison officer".
PRONOUN_POST = re.compile(
    r"^\W*(?:[^.;:!?]{0,120}?,\s*)?(?:she|he)\s+(?:is|was|has\s+been|had\s+been|serves\s+as|works\s+as)\s+(?:now\s+)?"
    r"(?P<title>(?:the|a|an|one\s+of|[A-Z][\w\-]*['’]s)\s+[^,.;:!?]{2,100})",
    re.IGNORECASE,
)
# A title that points back to a post named before: "since taking up the post", "new to the job".
THE_POST = re.compile(r"\b(?:the|his|her)\s+(?:post|job|position)\b", re.IGNORECASE)
# A national of some country in a career that names no actor: "a Swedish diplomat", "a former
# French gendarmerie officer" (who an institution's official turns out to be).
NATIONAL_CAREER = re.compile(
    r"^\W*(?:a|an)\s+(?:(?:former|retired|career|veteran|senior)\s+)?(?-i:[A-Z])[\w'’-]+\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:diplomat|officer|official|general|colonel|admiral|civil\s+servant)\b",
    re.IGNORECASE,
)
# A post told by a bare title as subject, set off after it: "The Swedish diplomat, deputy head of
# the European Union's monitoring mission, gave a lecture" (the name is the sentence before's).
TITLE_POST = re.compile(
    rf"^\W*the\s+(?:[\w-]+\s+){{0,2}}?(?:{ROLE_NOUNS}),\s+(?P<title>[^,.;:!?]{{3,120}}),\s",
    re.IGNORECASE,
)
# A post told with the name as subject: "Wennberg, a Swedish diplomat, has been deputy to NATO's
# special representative since 2008" (a profile's introduction, not an attribution).
NAME_POST = re.compile(
    r"^\W*(?P<name>[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:[\s\-][A-ZÀ-ÞĀ-Ž][^\W\d_]+){0,2})\s*(?P<apposition>,[^,.;:!?]{2,80},)?\s*"
    r"(?:is|was|has\s+been|had\s+been|serves\s+as|has\s+served\s+as|works\s+as|became|has\s+become)\s+(?:now\s+)?"
    r"(?P<title>(?:the|a|an|one\s+of|[A-Z][\w\-]*['’]s|deputy|head|chief)\s+[^,.;:!?]{2,100})"
)
# A name opening its sentence with a national's career set off after it, then its verb:
# "Mattias Lindgren, a Swedish diplomat on his first trip to the region, held …".
NAME_CAREER = re.compile(
    r"^\W*(?P<name>[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:[\s\-][A-ZÀ-ÞĀ-Ž][^\W\d_]+){1,2}),\s+(?P<title>(?:a|an)\s+[^,.;:!?]{2,100}?),\s+[a-z]"
)
# A body a person heads, told with the name as subject: "When Katrin Ahlgren took over NATO's
# liaison office in Tbilisi, …".
NAME_HEADS = re.compile(
    r"^\W*(?:(?:when|after|since|before|until|as)\s+)?(?P<name>[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:[\s\-][A-ZÀ-ÞĀ-Ž][^\W\d_]+){1,2})\s+"
    r"(?:has\s+|had\s+)?(?:took\s+over|takes\s+over|heads|headed|runs|ran|leads|led|took\s+charge\s+of)\s+"
    r"(?P<title>[^,.;:!?]{2,60}?\b(?:office|mission|delegation|team|cent(?:re|er)|representation))\b",
    re.IGNORECASE,
)
