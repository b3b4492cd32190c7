"""CPU time of the stance coder and a fingerprint of its output (a script, not a test).

    python -m benchmarks.coder_speed                 # 1000 synthetic documents, best of 3
    python -m benchmarks.coder_speed --docs 200 --repeat 1

Parses the first ``--docs`` documents of a synthetic corpus (``--corpus``; as in
:mod:`benchmarks.tone_speed`, whose ``parse_corpus`` it uses), then times
:func:`corpus_lib.coding.coder.tag_stances` over them in batches of 250 documents
(``time.process_time``, best of ``--repeat``).

It prints the time and two fingerprints: the SHA-256 of the statements (the parse) and of
the stances (the codes), both as CSV. A change meant to make the parser or the coder
faster without changing a result must leave both fingerprints as they were.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from benchmarks.tone_speed import DEFAULT_CORPUS, best_cpu, parse_corpus

BATCH = 250


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from corpus_lib.coding.coder import tag_stances
    from corpus_lib.pipeline import schemas
    from corpus_lib.scale.build import warm_up

    warm_up()
    _, parsed = parse_corpus(args.corpus, args.docs)
    frames = [
        schemas.make_statements([row for doc in parsed[k : k + BATCH] for row in doc.statements])
        for k in range(0, len(parsed), BATCH)
    ]
    best, coded = best_cpu(lambda: [tag_stances(frame) for frame in frames], max(args.repeat, 1))
    statements = hashlib.sha256(b"".join(f.to_csv(index=False).encode() for f in frames)).hexdigest()
    stances = hashlib.sha256(b"".join(c.to_csv(index=False).encode() for c in coded)).hexdigest()
    n = sum(len(f) for f in frames)
    print(
        f"docs={len(parsed)} statements={n} tag_stances_cpu_s={best:.3g} statements_sha256={statements[:16]} "
        f"stances_sha256={stances[:16]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
