"""Cost per character of parsing and coding one unpunctuated text, from 1 KB up (a script, not a test).

    python -m benchmarks.long_text                         # 1 KB … 20 MB
    python -m benchmarks.long_text --sizes 1000,100000     # a quick look

A text without full stops is the worst case for sentence-based coding: Punkt gives one
sentence, and the coder's scope checks grow faster than linearly in a sentence's length.
``corpus_lib.pipeline.segment`` bounds statements at ``MAX_SENTENCE`` characters, so the
cost per character should stay flat. For each size the script builds an invented text of
topic and cue words without full stops (seeded), runs ``process_document`` and the coder on
it after one warm-up run, and prints CPU microseconds per character for each, and the
ratio to the smallest size. The lines are appended to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import random
import time

from benchmarks.run import RESULTS, fmt, start_log, write_results

WORDS = (
    "NATO Russia Karabakh membership the talks support peace no role sides Baku Yerevan open door "
    "cooperation threat aggression envoy said Alliance partners conflict agreement settlement, and"
).split()
DEFAULT_SIZES = "1000,10000,100000,1000000,20000000"


def invented_text(n_chars: int, seed: int = 0) -> str:
    """``n_chars`` characters of topic and cue words, with commas but no full stop."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n_chars:
        word = rng.choice(WORDS)
        parts.append(word)
        size += len(word) + 1
    return " ".join(parts)[:n_chars]


def measure(n_chars: int) -> dict:
    """CPU seconds to parse and to code one text of ``n_chars`` characters."""
    from corpus_lib.corpus import code_stances, process_document
    from corpus_lib.pipeline import schemas
    from corpus_lib.pipeline.load import ManifestRow

    text = invented_text(n_chars)
    started = time.process_time()
    result = process_document(ManifestRow(file="long.txt", doc_id="long"), text)
    parsed = time.process_time()
    code_stances(schemas.make_statements(result.statements))
    coded = time.process_time()
    return {"chars": n_chars, "statements": len(result.statements), "parse_s": parsed - started, "code_s": coded - parsed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.long_text", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated text sizes in characters")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    described, lines = start_log()
    measure(1000)  # warm-up: imports, rules, registry
    base = None
    for n in sizes:
        m = measure(n)
        per_char = (m["parse_s"] + m["code_s"]) / n * 1e6
        base = base or per_char
        lines.say(fmt(chars=n, statements=m["statements"], parse_us_per_char=m["parse_s"] / n * 1e6,
                      code_us_per_char=m["code_s"] / n * 1e6, total_us_per_char=per_char,
                      ratio_to_smallest=per_char / base))
    if not args.no_write:
        write_results(RESULTS, described, " ".join(["python -m benchmarks.long_text", *(argv or [])]), lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
