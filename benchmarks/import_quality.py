"""Main-text extraction of ``corpus-lib import`` on invented web pages with known bodies (a script, not a test).

    python -m benchmarks.import_quality                 # 30 pages, 10 layouts
    python -m benchmarks.import_quality --pages 80 --no-write

Each page is generated (seeded) from one of ten site layouts: a news site (menu, cookie
banner, a "read more" link, a photo caption, tags and share links inside the article,
related links, footer), a blog (the site's name as ``<h1>``, a sidebar of archives, comments
and a comment form), a government press release (breadcrumbs, skip links, share and print
buttons, contact box), a portal (mega menu, trending and most-read lists, newsletter box,
advertising inside the story), an old table layout, a page of bare ``div``s whose teasers
share the body's class, with a cookie modal, an interview (question and answer paragraphs
around a "read also" box), a magazine (author box and bio, social bar, related posts with
teasers, threaded comments), a forum post with responses not marked as comments, and a
story followed by "latest news" cards that are ``<article>`` elements too. The article's
title and body are invented sentences; the clutter is invented too, and much of it is
sentence-like (related headlines, comments, teasers), which is what makes extraction hard.

For each of trafilatura's settings compared (its own defaults, the importer's
:data:`corpus_lib.ingest.html.EXTRACTION`, and precision- and recall-leaning variants),
every page goes through :func:`corpus_lib.ingest.html.read_html` (extraction, htmldate,
dating), and the text it would write is scored against the known title and body: token F1
(bag of lower-cased word tokens), with precision and recall, per page; the mean, the
lowest, and the mean per layout are printed with pages per second (wall clock, after one
warm-up page). The lines are appended to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections import Counter

from benchmarks.run import RESULTS, fmt, start_log, write_results

NAMES = ["Mira Solen", "Taro Venn", "Ilse Marrow", "Quentin Hale", "Noor Adeyemi", "Pavel Dresk", "Lena Ostrova"]
PLACES = ["Orvane", "Port Elma", "Veldoria", "the Kessel valley", "the island capital", "the northern provinces"]
BODIES = ["the council", "the ministry", "the delegation", "the regional assembly", "the harbour authority",
          "the league's secretariat", "the planning board", "the review panel"]
VERBS = ["agreed on", "rejected", "postponed", "welcomed", "criticised", "presented", "reviewed", "approved"]
OBJECTS = ["a new work plan", "the draft budget", "the training programme", "the transport agreement",
           "a joint study of the coast", "the timetable for the talks", "the report on water supplies",
           "a proposal for shared patrols"]
TAILS = ["after a long debate", "on Thursday evening", "without a vote", "in a closed session",
         "despite objections from two members", "for the third time this year", "at the request of the chair",
         "following weeks of negotiation"]
QUOTES = ["We are ready to work with every partner that shares these aims", "This is a step forward for everyone",
          "The details will follow in the coming weeks", "Nobody should expect quick results",
          "We listened carefully to all the arguments"]


def sentence(rng: random.Random) -> str:
    """One invented news sentence."""
    shape = rng.randrange(4)
    if shape == 0:
        return f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
    if shape == 1:
        return (f"\"{rng.choice(QUOTES)},\" {rng.choice(NAMES)} told reporters in {rng.choice(PLACES)} "
                f"{rng.choice(TAILS)}.")
    if shape == 2:
        return (f"According to {rng.choice(NAMES)}, {rng.choice(BODIES)} will return to {rng.choice(OBJECTS)} "
                f"once the experts from {rng.choice(PLACES)} have finished their work.")
    return (f"Observers in {rng.choice(PLACES)} said the decision on {rng.choice(OBJECTS)} was expected, "
            f"although {rng.choice(BODIES)} had {rng.choice(VERBS)} a similar plan before.")


def paragraph(rng: random.Random, n: int | None = None) -> str:
    return " ".join(sentence(rng) for _ in range(n or rng.randint(2, 4)))


def headline(rng: random.Random) -> str:
    return f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def _links(rng: random.Random, n: int, cls: str = "") -> str:
    items = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{headline(rng)}</a></li>' for _ in range(n))
    return f'<ul class="{cls}">{items}</ul>'


def _menu(items=("Home", "World", "Politics", "Economy", "Culture", "Sport", "Weather", "Contact")) -> str:
    return "<ul>" + "".join(f'<li><a href="/{i.lower()}">{i}</a></li>' for i in items) + "</ul>"


COOKIE = ("We use cookies and similar technologies to improve your experience, to measure audiences and to show "
          "you relevant content. You can accept all cookies or choose which ones to allow.")


def news(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body[:2])
    paras += (f'<div class="inline-related"><span>Read more:</span> <a href="/r">{headline(rng)}</a></div>'
              f'<figure><img src="/photo.jpg" alt=""><figcaption>{sentence(rng)} Photo: agency</figcaption></figure>')
    paras += "".join(f"<p>{p}</p>" for p in body[2:])
    paras += ('<div class="tags">Topics: planning, council, harbour</div>'
              '<div class="share">Share this article: Facebook Twitter Email</div>')
    return (f'<html><head><title>{title} | The Harbour Courier</title></head><body>'
            f'<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Accept all</button>'
            f'<button>Settings</button></div><header><div class="logo">The Harbour Courier</div><nav>{_menu()}</nav>'
            f'</header><main><article><h1>{title}</h1><p class="byline">By {rng.choice(NAMES)}</p>{paras}</article>'
            f'<aside class="related"><h2>Related stories</h2>{_links(rng, 5)}</aside></main>'
            f'<footer><p>© The Harbour Courier. All rights reserved.</p>{_menu(("About", "Privacy", "Terms", "Jobs"))}'
            f'</footer></body></html>')


def blog(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    comments = "".join(f'<li class="comment"><div class="comment-author">{rng.choice(NAMES)}</div>'
                       f'<div class="comment-content"><p>{paragraph(rng, 2)}</p></div></li>' for _ in range(3))
    archives = "".join(f'<li><a href="/archive/{y}">{m} {y}</a></li>' for y in (2009, 2010) for m in ("March", "May"))
    return (f'<html><head><title>{title} – Notes from the Coast</title></head><body><div id="page">'
            f'<div id="header"><h1 class="site-title">Notes from the Coast</h1>{_menu(("Home", "About", "Archive"))}'
            f'</div><div id="content"><div class="post"><h2 class="entry-title">{title}</h2>'
            f'<div class="entry-content">{paras}</div><div class="tags">Tags: planning, council, coast</div></div>'
            f'<div id="comments"><h3>3 responses</h3><ol class="commentlist">{comments}</ol>'
            f'<form id="commentform"><p>Leave a reply</p><textarea></textarea><button>Post comment</button></form>'
            f'</div></div><div id="sidebar"><h3>Archives</h3><ul>{archives}</ul><h3>Recent posts</h3>'
            f'{_links(rng, 4)}</div></div></body></html>')


def press_release(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f'<html><head><title>{title}</title></head><body><a class="skip" href="#main">Skip to main content</a>'
            f'<div class="gov-header"><span>Official website of the Harbour Authority</span>{_menu()}</div>'
            f'<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/press">Press office</a></li>'
            f'<li>Press releases</li></ol><div id="main" role="main"><h1>{title}</h1>'
            f'<div class="meta">Press release · Reference HA/{rng.randrange(100, 999)}</div>'
            f'<div class="share"><a>Share on social media</a> <a>Email this page</a> <a>Print</a></div>'
            f'<div class="field-body">{paras}</div></div><div class="contact-box"><h2>Media contact</h2>'
            f'<p>Press office, Harbour Authority, 1 Quay Street. Telephone and email on request.</p></div>'
            f'<footer>{_menu(("Accessibility", "Cookies", "Data protection", "Sitemap"))}'
            f'<p>Harbour Authority, all rights reserved.</p></footer></body></html>')


def portal(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body[:2]) + '<div class="ad-inline">Advertisement</div>'
    paras += "".join(f"<p>{p}</p>" for p in body[2:])
    return (f'<html><head><title>{title} - Portal24</title></head><body><div class="top-bar">{_menu()}'
            f'<div class="mega-menu">{_links(rng, 6, "mega")}</div></div><div class="trending"><b>Trending:</b>'
            f'{_links(rng, 4)}</div><div class="ad-slot">Advertisement</div><div class="story">'
            f'<h1 class="story-title">{title}</h1><div class="story-text">{paras}</div></div>'
            f'<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and receive the '
            f'most important stories of the day in your inbox every morning.</p><input><button>Subscribe</button>'
            f'</div><div class="most-read"><h3>Most read</h3>{_links(rng, 5)}</div><div class="ad-slot">'
            f'Advertisement</div><div class="footer">Portal24 · Imprint · Terms of use · Cookie settings</div>'
            f'</body></html>')


def table_layout(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f'<html><head><title>{title}</title></head><body><table width="100%"><tr><td colspan="2">'
            f'<font size="5">Kessel Valley Gazette</font></td></tr><tr><td width="20%" valign="top">'
            f'{_menu(("Front page", "Local", "Region", "Letters", "Archive"))}</td><td valign="top">'
            f'<font size="4"><b>{title}</b></font>{paras}</td></tr><tr><td colspan="2"><small>'
            f'Kessel Valley Gazette. Reproduction prohibited. Webmaster.</small></td></tr></table></body></html>')


def div_soup(rng, title, body) -> str:
    paras = "".join(f'<div class="txt">{p}</div>' for p in body)
    teasers = "".join(f'<div class="txt"><a href="/t">{headline(rng)}</a> {sentence(rng)}</div>' for _ in range(3))
    return (f'<html><head><title>{title}</title></head><body><div class="c1"><div class="c2">{_menu()}</div>'
            f'<div class="c3"><div class="hd">{title}</div><div class="content">{paras}</div></div>'
            f'<div class="c4"><div>More from this section</div>{teasers}</div></div>'
            f'<div class="modal cookie"><div>{COOKIE}</div><div>Accept</div><div>Reject</div></div>'
            f'<div class="ft">Copyright. Terms. Privacy. Contact.</div></body></html>')


def interview(rng, title, body) -> str:
    parts = []
    for i, p in enumerate(body):
        label = "Question" if i % 2 == 0 else "Answer"
        parts.append(f"<p><strong>{label}:</strong> {p[len(label) + 2:]}</p>")
        if i == 1:
            parts.append(f'<div class="read-also"><b>Read also:</b> <a href="/x">{headline(rng)}</a></div>')
    return (f'<html><head><title>{title}</title></head><body><header>{_menu()}</header>'
            f'<div id="cookie-notice">{COOKIE} <a>OK</a></div><article><h1>{title}</h1>'
            f'<div class="lead">Interview by {rng.choice(NAMES)}</div>{"".join(parts)}</article>'
            f'<section class="related"><h2>More interviews</h2>{_links(rng, 4)}</section>'
            f'<footer>{_menu(("About us", "Advertise", "Privacy"))}</footer></body></html>')


def magazine(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    teasers = "".join(f'<div class="teaser"><h3><a href="/t">{headline(rng)}</a></h3><p>{sentence(rng)}</p></div>'
                      for _ in range(3))
    replies = "".join(f'<div class="reply"><span>{rng.choice(NAMES)}</span><p>{sentence(rng)}</p></div>'
                      for _ in range(2))
    return (f'<html><head><title>{title} | Coastline Monthly</title></head><body><nav>{_menu()}</nav>'
            f'<div class="social-bar">Share: Facebook Twitter LinkedIn Email</div><article class="post">'
            f'<header><h1>{title}</h1><div class="author-box">{rng.choice(NAMES)} writes about regional affairs '
            f'and planning for Coastline Monthly.</div></header><section class="post-content">{paras}</section>'
            f'<div class="author-bio">{rng.choice(NAMES)} has covered the coast for ten years and lives in '
            f'{rng.choice(PLACES)}.</div></article><section class="related-posts"><h2>You may also like</h2>{teasers}</section>'
            f'<section class="comments" id="comments"><h2>Comments</h2><div class="comment"><span>'
            f'{rng.choice(NAMES)}</span><p>{paragraph(rng, 2)}</p>{replies}</div></section>'
            f'<footer>Coastline Monthly · Subscribe · Privacy</footer></body></html>')


def responses(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    answers = "".join(f'<div class="r"><div class="who">{rng.choice(NAMES)} wrote:</div><p>{paragraph(rng, 2)}</p>'
                      f'</div>' for _ in range(3))
    return (f'<html><head><title>{title} · Island Forum</title></head><body><div class="menu">{_menu()}</div>'
            f'<div class="main"><h1>{title}</h1><div class="post-body">{paras}</div>'
            f'<div class="responses"><h2>Responses</h2>{answers}</div></div>'
            f'<div class="bottom">Island Forum · Rules · Help</div></body></html>')


def cards(rng, title, body) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    latest = "".join(f'<article class="card"><h2><a href="/c">{headline(rng)}</a></h2><p>{sentence(rng)}</p>'
                     f'</article>' for _ in range(4))
    return (f'<html><head><title>{title} — Morning Post</title></head><body><header>{_menu()}</header>'
            f'<div id="consent">{COOKIE}</div><main><article class="story"><h1>{title}</h1>'
            f'<time datetime="2011-09-02">2 September 2011</time>{paras}</article>'
            f'<section class="latest"><h2>Latest news</h2>{latest}</section></main>'
            f'<footer>Morning Post · Contact · Privacy</footer></body></html>')


LAYOUTS = {"news": news, "blog": blog, "press_release": press_release, "portal": portal,
           "table_layout": table_layout, "div_soup": div_soup, "interview": interview, "magazine": magazine,
           "responses": responses, "cards": cards}


def make_pages(n: int, seed: int = 0) -> list[tuple[str, str, bytes]]:
    """``n`` pages ``(layout, known text, html)``, cycling through the layouts."""
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        layout = list(LAYOUTS)[i % len(LAYOUTS)]
        title = headline(rng)
        body = [paragraph(rng) for _ in range(rng.randint(3, 7))]
        if layout == "interview":
            body = [("Question: " if j % 2 == 0 else "Answer: ") + p for j, p in enumerate(body)]
        html = LAYOUTS[layout](rng, title, body)
        pages.append((layout, "\n\n".join([title, *body]), f"<!DOCTYPE html>\n{html}".encode()))
    return pages


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(predicted: str, known: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted text's word tokens against the known text's (as multisets)."""
    pred, gold = tokens(predicted), tokens(known)
    overlap = sum((pred & gold).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(gold.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def settings() -> dict[str, dict]:
    """The trafilatura settings compared: its defaults, the importer's, with tables, and two leaning variants."""
    from corpus_lib.ingest.html import EXTRACTION

    return {
        "trafilatura_defaults": {},
        "corpus_lib": dict(EXTRACTION),
        "with_tables": {**EXTRACTION, "include_tables": True},
        "favor_precision": {**EXTRACTION, "favor_precision": True, "favor_recall": False},
        "favor_recall": {**EXTRACTION, "favor_precision": False, "favor_recall": True},
    }


def measure(pages: list[tuple[str, str, bytes]], options: dict) -> dict:
    """Scores and speed of the importer's page reader with ``options`` over ``pages``."""
    from corpus_lib.ingest.html import read_html

    read_html(pages[0][2], "warmup.html", options=options)
    scores, by_layout = [], {}
    started = time.perf_counter()
    texts = [read_html(data, f"page-{i:03d}.html", options=options)[0].text for i, (_, _, data) in enumerate(pages)]
    seconds = time.perf_counter() - started
    for (layout, known, _), text in zip(pages, texts):
        score = token_f1(text, known)
        scores.append(score)
        by_layout.setdefault(layout, []).append(score[2])
    return {
        "mean_f1": statistics.fmean(s[2] for s in scores), "min_f1": min(s[2] for s in scores),
        "precision": statistics.fmean(s[0] for s in scores), "recall": statistics.fmean(s[1] for s in scores),
        "pages_per_s": len(pages) / seconds,
        "by_layout": {k: statistics.fmean(v) for k, v in by_layout.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="number of pages (cycling through the layouts)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    described, lines = start_log()
    pages = make_pages(args.pages, args.seed)
    for name, options in settings().items():
        m = measure(pages, options)
        lines.say(fmt(settings=name, pages=len(pages), mean_f1=m["mean_f1"], min_f1=m["min_f1"],
                      precision=m["precision"], recall=m["recall"], pages_per_s=m["pages_per_s"]))
        lines.say("  " + fmt(**{f"f1_{k}": v for k, v in m["by_layout"].items()}))
    if not args.no_write:
        write_results(RESULTS, described, " ".join(["python -m benchmarks.import_quality", *(argv or [])]), lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
