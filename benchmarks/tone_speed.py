"""CPU time of :func:`corpus_lib.pipeline.tone.score_tone` against NLTK's own VADER (a script, not a test).

    python -m benchmarks.tone_speed                       # 1000 synthetic documents, best of 3
    python -m benchmarks.tone_speed --docs 200 --repeat 1
    python -m benchmarks.tone_speed --corpus path/to/corpus --old-rev none

The statement texts come from a synthetic corpus (``--corpus``; by default
``$TMPDIR/corpus-lib-bench/corpus-1000-seed0``, written with
:func:`corpus_lib.scale.synth.make_corpus` when missing), parsed with
:func:`corpus_lib.scale.build.plan_documents` and :func:`corpus_lib.corpus.process_document`.
Over all of them it times, with ``time.process_time`` (best of ``--repeat``):

* ``new``: ``score_tone`` as installed (its token cache warm after the first run), and
  ``new cold``: one run of a fresh :class:`~corpus_lib.pipeline.vader_mirror.VaderMirror`
  (an empty token cache), as the first texts of a process see it;
* ``stock``: NLTK's ``SentimentIntensityAnalyzer.polarity_scores(text)["compound"]`` over the
  same lexicon, with nothing of ours in it;
* ``old``: ``score_tone`` of ``corpus_lib/tone.py`` as of ``--old-rev`` (read with ``git show``;
  by default the commit before the exact re-implementation: NLTK's ``polarity_scores`` with a
  lazier ``SentiText``), skipped with ``--old-rev none`` or when git cannot show it;
* ``punkt``: NLTK Punkt sentence splitting of the same documents, the pipeline's yardstick.

It asserts that every score is identical (``repr`` equal, so bit for bit) to the stock
analyzer's, and to the old module's, and prints the times and the speed-ups.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TMPDIR", "/tmp")) / "corpus-lib-bench" / "corpus-1000-seed0"
# The last commit whose corpus_lib/tone.py ran NLTK's polarity_scores (before the re-implementation).
OLD_REV = "6b1a8ca10049554d4c6840a8ff8c7937d833ad1b"


def parse_corpus(corpus: Path, n_docs: int) -> tuple[list[str], list]:
    """(document texts, their :class:`~corpus_lib.corpus.DocumentResult`) of the first
    ``n_docs`` documents of ``corpus``, written as a synthetic corpus when missing."""
    from corpus_lib.corpus import process_document
    from corpus_lib.pipeline.load import decode_text
    from corpus_lib.scale.build import plan_documents

    if not corpus.exists():
        from corpus_lib.scale.synth import make_corpus

        print(f"writing a synthetic corpus of {n_docs} documents to {corpus}", file=sys.stderr)
        make_corpus(corpus, max(n_docs, 10), seed=0)
    plan = plan_documents(corpus)[:n_docs]
    documents = [decode_text((corpus / rel).read_bytes(), path=rel) for _, rel in plan]
    return documents, [process_document(meta, text) for (meta, _), text in zip(plan, documents, strict=True)]


def statement_texts(corpus: Path, n_docs: int) -> tuple[list[str], list[str]]:
    """(document texts, statement texts) of the first ``n_docs`` documents of ``corpus``."""
    documents, parsed = parse_corpus(corpus, n_docs)
    return documents, [row["text"] for result in parsed for row in result.statements]


def old_score_tone(rev: str):
    """``score_tone`` of ``corpus_lib/tone.py`` at git revision ``rev``, or None."""
    try:
        source = subprocess.run(
            ["git", "show", f"{rev}:corpus_lib/tone.py"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"old tone.py not available ({err}); skipped", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tone_previous.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("corpus_lib_tone_previous", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.score_tone


def best_cpu(function, repeat: int):
    """(least CPU seconds over ``repeat`` runs, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        result = function()
        best = min(best, time.process_time() - started)
    return best, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=1000, help="documents to take (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing, the best kept (default 3)")
    parser.add_argument("--old-rev", default=OLD_REV, help="git revision of the previous tone.py, or 'none'")
    args = parser.parse_args(argv)

    import nltk

    from corpus_lib.pipeline import tone
    from corpus_lib.pipeline.segment import sentence_tokenizer

    documents, texts = statement_texts(args.corpus, args.docs)
    stock = tone._PackagedLexiconAnalyzer(tone._lexicon_text())  # NLTK's analyzer, nothing of ours
    fast = tone._fast_compound() is not None
    tone.score_tone(["warm up"])
    print(
        f"nltk {nltk.__version__}, Python {sys.version.split()[0]}; {len(documents)} documents, "
        f"{len(texts)} statement texts; fast path {'in use' if fast else 'NOT in use (fallback)'}"
    )

    times = {}
    if fast:  # the mirror imports and builds (tone's guard succeeded), so it can be timed cold
        from corpus_lib.pipeline.vader_mirror import VaderMirror

        sia = tone.analyzer()
        cold = VaderMirror(sia.lexicon, sia.constants)
        times["new cold"], _ = best_cpu(lambda: [cold(t) for t in texts], 1)
    times["new"], new = best_cpu(lambda: tone.score_tone(texts), args.repeat)
    times["stock"], want = best_cpu(lambda: [stock.polarity_scores(t)["compound"] for t in texts], args.repeat)
    mismatches = [(t, a, b) for t, a, b in zip(texts, new, want, strict=True) if repr(a) != repr(b)]
    assert not mismatches, f"{len(mismatches)} scores differ from NLTK's, e.g. {mismatches[:3]}"
    old = old_score_tone(args.old_rev) if args.old_rev.lower() != "none" else None
    if old is not None:
        old(["warm up"])
        times["old"], previous = best_cpu(lambda: old(texts), args.repeat)
        assert [repr(x) for x in previous] == [repr(x) for x in new], "the old tone.py scores differently"
    tokenizer = sentence_tokenizer()
    times["punkt"], _ = best_cpu(lambda: [tokenizer.tokenize(d) for d in documents], args.repeat)

    print("all scores identical to NLTK's" + (" and to the old tone.py's" if old else ""))
    for name in ("stock", "old", "new cold", "new", "punkt"):
        if name in times:
            runs = "one run" if name == "new cold" else f"best of {args.repeat}"
            print(f"{name:>8}: {times[name]:7.3f} s CPU ({runs})")
    print(
        f"speed-up: new vs stock {times['stock'] / times['new']:.1f}x"
        + (f", new vs old {times['old'] / times['new']:.1f}x" if "old" in times else "")
    )
    print(
        "tone / punkt: new {:.2f}".format(times["new"] / times["punkt"])
        + (", old {:.2f}".format(times["old"] / times["punkt"]) if "old" in times else "")
    )


if __name__ == "__main__":
    main()
