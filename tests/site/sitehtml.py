"""Helpers for the site tests: a small, tolerant HTML tree (standard library html.parser only),
URL resolution inside a built site, and the safety checks every built page must pass.

Nothing here knows the catalogue's templates beyond the class names the tests look for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Where things are, and the day every build is pinned to (SOURCE_DATE_EPOCH, 2026-11-26T00:00Z).
REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "tests" / "fixtures" / "site" / "demo"
EPOCH = "1795651200"
TODAY = dt.date(2026, 11, 26)
DEMO_PREFIX = "/catalogue/"  # path of the demo's site_url, https://example.org/catalogue/
REPO_URL = "https://github.com/example-org/fictional-catalogue"  # the demo's plugin repo_url

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}

# Attributes that hold a URL a browser follows or fetches.
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
             "cite", "srcset", "ping")
# Elements whose URL attribute makes the browser fetch something as the page loads.
FETCHING = {"script": "src", "img": "src", "source": "src", "iframe": "src", "frame": "src",
            "embed": "src", "object": "data", "video": "src", "audio": "src", "track": "src",
            "input": "src", "image": "href", "use": "href"}
# <link> relations that make the browser fetch (or connect to) the target.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                 "prefetch", "preconnect", "dns-prefetch", "prerender", "manifest", "mask-icon"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")

# Lines the site tests want printed at the end of the run (page weights, index size).
REPORT: list[str] = []


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: "Element | None" = field(default=None, repr=False)
    line: int = 0
    children: list = field(default_factory=list, repr=False)  # Element or str

    def iter(self, tag: str | None = None):
        """Every descendant element (depth first), optionally only those with this tag."""
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Element"]:
        found = []
        for el in self.iter(tag):
            if cls is not None and cls not in el.classes:
                continue
            if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(el)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> "Element | None":
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def one(self, tag: str | None = None, cls: str | None = None, **attrs) -> "Element":
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one <{tag} class={cls} {attrs}>, found {len(found)}"
        return found[0]

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, tag: str, cls: str | None = None) -> bool:
        return any(a.tag == tag and (cls is None or cls in a.classes) for a in self.ancestors())

    def raw_text(self) -> str:
        out = []
        for child in self.children:
            out.append(child.raw_text() if isinstance(child, Element) else child)
        return "".join(out)

    def text(self) -> str:
        """Text content with whitespace collapsed (entities already decoded)."""
        return " ".join(self.raw_text().split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def _make(self, tag, attrs):
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs},
                     parent=self.stack[-1], line=self.getpos()[0])
        self.stack[-1].children.append(el)
        return el

    def handle_starttag(self, tag, attrs):
        el = self._make(tag, attrs)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self._make(tag, attrs)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # a stray end tag (e.g. </p> with no open <p>) is ignored, as browsers do

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------- a built site on disk

def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_path(site: Path, url: str) -> Path:
    """File of a site URL ("patterns/x/" -> patterns/x/index.html)."""
    url = url.split("#")[0]
    return site / (url + "index.html" if url.endswith("/") or not url else url)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder (relative posix path) with the SHA-256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def scheme_of(url: str) -> str:
    """The URL's scheme as a browser would see it (control characters and whitespace ignored)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


def is_external(url: str) -> bool:
    return url.strip().startswith("//") or scheme_of(url) in ("http", "https")


def resolve_internal(site: Path, page_rel: str, url: str, site_prefix: str = "/") -> tuple[Path, str] | None:
    """Resolve an internal href/src found in page `page_rel` (posix path of the HTML file) to the
    file it names and its fragment; None for external, mailto: and similar links."""
    url = url.strip()
    if not url or scheme_of(url) or url.startswith("//"):
        return None
    parts = urlsplit(url)
    base = "http://site.invalid" + site_prefix
    if parts.path.startswith("/"):
        assert parts.path.startswith(site_prefix), f"{page_rel}: {url} is outside the site prefix {site_prefix}"
        joined = "http://site.invalid" + parts.path
    else:
        joined = urljoin(base + page_rel, parts.path) if parts.path else base + page_rel
    assert joined.startswith(base), f"{page_rel}: {url} climbs out of the site"
    rel = unquote(joined[len(base):])
    rel = posixpath.normpath(rel) + ("/" if rel.endswith("/") else "") if rel else ""
    target = site / rel if rel not in ("", ".", "./") else site
    if rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def ids_in(tree: Element) -> set[str]:
    return {el.attrs["id"] for el in tree.iter() if "id" in el.attrs} | \
           {el.attrs["name"] for el in tree.iter() if el.tag == "a" and "name" in el.attrs}


# ---------------------------------------------------------------- safety

def unsafe_markup(tree: Element, where: str, *, allow_form=lambda el: False,
                  allow_scripts: bool = True) -> list[str]:
    """Every executable or foreign-content construct in a parsed page or fragment: event-handler
    attributes, javascript:/data:/vbscript: URLs, frames, objects, and (unless allowed) scripts
    and forms; `allow_form(element)` says which forms are the site's own."""
    problems = []
    for el in tree.iter():
        for name, value in el.attrs.items():
            if name.startswith("on"):
                problems.append(f"{where}:{el.line}: <{el.tag}> has an event handler {name}={value!r}")
            if name in URL_ATTRS or name.endswith(":href"):
                for candidate in (value.split(",") if name == "srcset" else [value]):
                    if scheme_of(candidate.strip()) + ":" in DANGEROUS_SCHEMES:
                        problems.append(f"{where}:{el.line}: <{el.tag} {name}={value!r}> uses a dangerous scheme")
            if name == "style" and re.search(r"url\s*\(|expression\s*\(", value, re.I):
                problems.append(f"{where}:{el.line}: <{el.tag}> style loads or runs something: {value!r}")
        if el.tag in ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta") and \
                not (el.tag == "meta" and el.inside("head")):
            problems.append(f"{where}:{el.line}: <{el.tag}> is not allowed")
        if el.tag == "meta" and el.attrs.get("http-equiv", "").lower() == "refresh":
            problems.append(f"{where}:{el.line}: <meta http-equiv=refresh>")
        if el.tag == "form" and not allow_form(el):
            problems.append(f"{where}:{el.line}: unexpected <form {el.attrs}>")
        if el.tag == "script" and not allow_scripts:
            problems.append(f"{where}:{el.line}: <script> is not allowed here")
    return problems


def script_signature(el: Element, page_rel: str, site_prefix: str = "/") -> str:
    """A page-independent description of a <script>: its src resolved to a site path, or its
    inline text with the page's relative way back to the site root normalised away."""
    if "src" in el.attrs:
        src = el.attrs["src"]
        if is_external(src):
            return f"src={src}"
        if src.startswith("/"):
            return "src=" + src[len(site_prefix):]
        joined = urljoin("http://site.invalid/" + page_rel, src)
        return "src=" + joined[len("http://site.invalid/"):]
    text = el.raw_text()
    # 404.html links from the site's root path ("/" or, with a site_url, e.g. "/catalogue/")
    text = re.sub(r'(new URL\(|"base": )"' + re.escape(site_prefix) + '"', r'\1"ROOT"', text)
    text = text.replace(f'"{site_prefix}assets/', '"assets/')
    text = re.sub(r"(?:\.\./)+", "", text)        # "../../assets/..." -> "assets/..."
    text = re.sub(r'"(?:\.\.|\.)"', '"ROOT"', text)  # "../.." (now "..") and "." -> "ROOT"
    return f"type={el.attrs.get('type', '')} id={el.attrs.get('id', '')} inline={text}"
