"""CPU time of the stance coder and a fingerprint of its output (a script, not a test).

    python -m benchmarks.coder_speed                 # 1000 synthetic documents, best of 3
    python -m benchmarks.coder_speed --docs 200 --repeat 1

Parses the first ``--docs`` documents of a synthetic corpus (``--corpus``; by default
``$TMPDIR/corpus-lib-bench/corpus-1000-seed0``, written with
:func:`corpus_lib.synth.make_corpus` when missing) with
:func:`corpus_lib.corpus.process_document`, then times :func:`corpus_lib.stances.tag_stances`
over them in batches of 250 documents (``time.process_time``, best of ``--repeat``).

It prints the time and two fingerprints: the SHA-256 of the statements (the parse) and of
the stances (the codes), both as CSV. A change meant to make the parser or the coder
faster without changing a result must leave both fingerprints as they were.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time
from pathlib import Path

DEFAULT_CORPUS = Path(os.environ.get("TMPDIR", "/tmp")) / "corpus-lib-bench" / "corpus-1000-seed0"
BATCH = 250


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from corpus_lib import schemas
    from corpus_lib.build import plan_documents, warm_up
    from corpus_lib.corpus import process_document
    from corpus_lib.load import decode_text
    from corpus_lib.stances import tag_stances

    if not (args.corpus / "manifest.csv").exists():
        from corpus_lib.synth import make_corpus

        make_corpus(args.corpus, n_docs=max(args.docs, 1000), seed=0)
    plan = plan_documents(args.corpus)[: args.docs]
    texts = [decode_text((args.corpus / rel).read_bytes(), path=rel) for _, rel in plan]
    warm_up()
    parsed = [process_document(meta, text) for (meta, _), text in zip(plan, texts, strict=True)]
    frames = [
        schemas.make_statements([row for doc in parsed[k : k + BATCH] for row in doc.statements])
        for k in range(0, len(parsed), BATCH)
    ]
    best = float("inf")
    for _ in range(max(args.repeat, 1)):
        started = time.process_time()
        coded = [tag_stances(frame) for frame in frames]
        best = min(best, time.process_time() - started)
    statements = hashlib.sha256(b"".join(f.to_csv(index=False).encode() for f in frames)).hexdigest()
    stances = hashlib.sha256(b"".join(c.to_csv(index=False).encode() for c in coded)).hexdigest()
    n = sum(len(f) for f in frames)
    print(
        f"docs={len(plan)} statements={n} tag_stances_cpu_s={best:.3g} statements_sha256={statements[:16]} "
        f"stances_sha256={stances[:16]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
