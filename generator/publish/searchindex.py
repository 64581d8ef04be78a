"""Search index: Pagefind indexes the site into site/pagefind/, a static index split into chunks
that the browser fetches only as a query needs them.

Why Pagefind and not Material's search plugin: at 5,000 patterns Material's lunr index is one
23 MB download built in the browser (about 7 s before the first query), and its plugin parses
every page in Python during the build; Pagefind's compiled indexer and chunked index measured
far better on both (docs/performance.md).

Pages are handed to a Pagefind process (`pagefind --service`, the interface Pagefind's own Python
and Node packages use) as soon as MkDocs has converted them, and the index is written while
MkDocs renders the theme around them, so indexing runs on another core instead of after the build.
What Pagefind is given is what the theme puts in a page's <article>: the title, the content and
the tags.
"""

from __future__ import annotations

import base64
import html
import json
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from generator.errors import SearchIndexError

BUNDLE = "pagefind"
# Only the page's article is indexed: not the navigation, header or footer repeated on every page.
ROOT_SELECTOR = "article"


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # a broken install: pagefind[bin] is a dependency
        raise SearchIndexError("the Pagefind binary is not installed (pip install 'pagefind[bin]')") from exc
    return Path(get_executable())


def search_document(title: str, content: str, tags: list[str] = (), lang: str = "en") -> str:
    """The indexed part of a page: what the theme puts in its <article>, an h1 with the title
    (unless the content has its own), the content and the tags. The tags go last, where the theme
    has them first, so that a result's excerpt starts with the page's own words rather than with
    a row of tags. The title is HTML already (the theme prints it unescaped), as is the content."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    chips = "".join(f"<span>{html.escape(str(tag))}</span> " for tag in tags)
    return (f'<!doctype html><html lang="{html.escape(lang)}"><body><article>{heading}'
            f'{content}{f"<p>{chips}</p>" if chips else ""}</article></body></html>')


def _write_bundle(bundle: Path, files: list[dict]) -> None:
    """The index's files, each written whole, into the bundle folder."""
    try:
        for file in files:
            path = bundle / file["path"]
            if bundle.resolve() not in path.resolve().parents:
                raise SearchIndexError(f"Pagefind named a file outside the index folder: {file['path']}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(file["content"]))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise SearchIndexError(f"the search index could not be written to {bundle}: {exc}") from exc


class SearchIndexer:
    """One Pagefind service process and one index in it. `add()` does not wait for Pagefind;
    `write()` asks for the bundle; `wait()` waits for it and reports the first error, if any."""

    # Pagefind answers every page in milliseconds; this long a silence means it is stuck.
    SILENCE_LIMIT = 300.0

    def __init__(self):
        # Pagefind's own messages (a panic, say) go to a file, read only to explain a failure.
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen([str(pagefind_executable()), "--service"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as exc:
            self._stderr.close()
            raise SearchIndexError(f"could not start Pagefind: {exc}") from exc
        self._replies: dict[int, dict] = {}
        self._answered = 0  # replies to numbered messages: one each, in whatever order
        self._done = threading.Condition()
        self._closed: str | None = None  # why replies stopped, once they have
        self._heard = time.monotonic()
        self._sent = self._last = 0
        self._reader = threading.Thread(target=self._read, name="pagefind-replies", daemon=True)
        self._reader.start()
        try:
            reply = self._wait(self._send({"type": "NewIndex", "config": {"root_selector": ROOT_SELECTOR}}))
            if "index_id" not in reply:
                raise SearchIndexError(f"Pagefind did not create an index: {reply}")
            self._index = reply["index_id"]
        except BaseException:
            self.close()
            raise

    def add(self, url: str, document: str) -> None:
        self._send({"type": "AddFile", "index_id": self._index, "url": url,
                    "file_contents": document, "file_path": None})

    def write(self, bundle_dir: Path) -> None:
        """Ask for the bundle once every page sent so far is indexed; returns at once. Pagefind
        hands the files over (GetFiles) and wait() writes each whole: with WriteFiles, bundles on
        a busy machine now and then held a file cut short (32,768 of 41,830 bytes), or empty,
        after Pagefind had answered."""
        self._bundle = Path(bundle_dir)
        self._last = self._send({"type": "GetFiles", "index_id": self._index})

    def wait(self) -> None:
        """Wait until the bundle is written and every page answered; raise on any page Pagefind
        could not index."""
        try:
            if not self._last:
                raise SearchIndexError("no search index was asked for (write() was not called)")
            self._wait(self._last, every=True)
            with self._done:
                errors = [r for r in self._replies.values() if r.get("type") == "Error"]
            if errors:
                raise SearchIndexError(f"Pagefind could not index the site: {errors[0].get('message')}")
            files = self._replies[self._last].get("files")
            if not isinstance(files, list):
                raise SearchIndexError(f"Pagefind did not hand over the index: {self._replies[self._last]}")
        finally:
            self.close()
        _write_bundle(self._bundle, files)

    def cancel(self) -> None:
        """Stop at once, index unwritten (a preview's next build writes a new one)."""
        self._proc.kill()
        self.close()

    def close(self) -> None:
        """End the process (killed if it has not ended 10 s after its input closes) and the reader;
        safe to call twice."""
        try:
            self._proc.stdin.close()  # Pagefind ends when its input does
        except OSError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=10)
        if not self._reader.is_alive():
            self._proc.stdout.close()
        self._stderr.close()

    def _send(self, payload: dict) -> int:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        try:
            self._proc.stdin.write(base64.b64encode(message) + b",")  # Pagefind reads up to a comma
            self._proc.stdin.flush()
        except (OSError, ValueError) as exc:
            self._reader.join(timeout=2)  # to say why, if the reader saw it
            raise SearchIndexError(f"Pagefind stopped while indexing ({self._why(exc)})") from exc
        return self._sent

    def _wait(self, message_id: int, every: bool = False) -> dict:
        """Wait for the reply to one message (with `every`, to every message up to it). Silence
        is counted from the last reply or from the start of this wait, whichever is later."""
        started = time.monotonic()

        def answered() -> bool:
            return self._answered >= message_id if every else message_id in self._replies
        with self._done:
            while not answered() and not self._closed:
                self._done.wait(timeout=1.0)
                if time.monotonic() - max(self._heard, started) > self.SILENCE_LIMIT:
                    self._proc.kill()
                    raise SearchIndexError(f"Pagefind did not answer for {self.SILENCE_LIMIT:.0f} s")
            done = answered()
        if not done:
            raise SearchIndexError(f"Pagefind stopped before it finished the index ({self._why()})")
        reply = self._replies[message_id]
        if reply.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {reply.get('message')}")
        return reply

    def _why(self, exc: BaseException | None = None) -> str:
        """Why Pagefind stopped: the reader's reason, and Pagefind's own last words if any."""
        reason = self._closed or str(exc)
        try:
            self._stderr.seek(0)
            said = self._stderr.read()[-2000:].decode("utf-8", "replace").strip().splitlines()
        except (OSError, ValueError):
            said = []
        return f"{reason}: {said[-1]}" if said else reason

    def _read(self) -> None:
        reason = "it exited"
        try:
            buffer = b""
            while chunk := self._proc.stdout.read1(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b",")
                with self._done:
                    for message in messages:
                        reply = json.loads(base64.b64decode(message))
                        key = reply.get("message_id")
                        if isinstance(key, int) and key not in self._replies:
                            self._answered += 1
                        self._replies[key] = reply["payload"]
                    self._heard = time.monotonic()
                    self._done.notify_all()
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not Pagefind's protocol
            reason = f"an unreadable reply: {exc}"
            self._proc.kill()
        finally:
            with self._done:
                self._closed = reason
                self._done.notify_all()
