"""Publish, Pagefind's service: one `pagefind --service` process (the interface Pagefind's own
Python and Node packages use) and the messages it answers. Nothing here knows about pages,
shards or bundles: publish/searchindex.py decides what to send and where the files go.

Messages are base64 JSON ended by a comma, each with a number; Pagefind answers each one, in
whatever order. A reader thread collects the answers, so sending never waits."""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from generator.errors import SearchIndexError


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # a broken install: pagefind[bin] is a dependency
        raise SearchIndexError("the Pagefind binary is not installed (pip install 'pagefind[bin]')") from exc
    return Path(get_executable())


class PagefindService:
    """One Pagefind process. `send()` does not wait; `wait()` waits for an answer."""

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
        self._errors: list[str] = []  # every Error answer, in the order they came
        self._answered = 0  # replies to numbered messages: one each, in whatever order
        self._done = threading.Condition()
        self._closed: str | None = None  # why replies stopped, once they have
        self._heard = time.monotonic()
        self._sent = 0
        self._send_lock = threading.Lock()  # the index writer's thread sends too
        self._reader = threading.Thread(target=self._read, name="pagefind-replies", daemon=True)
        self._reader.start()

    @property
    def process(self) -> subprocess.Popen:
        return self._proc

    def new_index(self, config: dict) -> int:
        reply = self.wait(self.send({"type": "NewIndex", "config": config}))
        if "index_id" not in reply:
            raise SearchIndexError(f"Pagefind did not create an index: {reply}")
        return reply["index_id"]

    def first_error(self) -> str | None:
        with self._done:
            return self._errors[0] if self._errors else None

    def send(self, payload: dict) -> int:
        with self._send_lock:
            self._sent += 1
            message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
            try:
                self._proc.stdin.write(base64.b64encode(message) + b",")  # Pagefind reads up to a comma
                self._proc.stdin.flush()
            except (OSError, ValueError) as exc:
                self._reader.join(timeout=2)  # to say why, if the reader saw it
                raise SearchIndexError(f"Pagefind stopped while indexing ({self._why(exc)})") from exc
            return self._sent

    def wait(self, message_id: int, every: bool = False) -> dict:
        """Wait for the reply to one message (with `every`, to every message up to it) and hand
        it over (it is not kept). Silence is counted from the last reply or from the start of
        this wait, whichever is later."""
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
            reply = self._replies.pop(message_id, None)
        if not done or reply is None:
            raise SearchIndexError(f"Pagefind stopped before it finished the index ({self._why()})")
        if reply.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {reply.get('message')}")
        return reply

    def kill(self) -> None:
        self._proc.kill()

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

    def _why(self, exc: BaseException | None = None) -> str:
        """Why Pagefind stopped: the reader's reason, and Pagefind's own last words if any."""
        reason = self._closed or str(exc)
        try:
            self._stderr.seek(0)
            said = self._stderr.read()[-2000:].decode("utf-8", "replace").strip().splitlines()
        except (OSError, ValueError):
            said = []
        return f"{reason}: {said[-1]}" if said else reason

    def _keep(self, key, payload: dict) -> None:
        """A page's answer is only counted (12,000 of them would stay in memory otherwise);
        an error, and the answer to anything else, is kept for whoever waits for it."""
        if isinstance(key, int) and key not in self._replies:
            self._answered += 1
        if payload.get("type") == "Error":
            self._errors.append(str(payload.get("message")))
        if payload.get("type") != "IndexedFile":
            self._replies[key] = payload

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
                        self._keep(reply.get("message_id"), reply["payload"])
                    self._heard = time.monotonic()
                    self._done.notify_all()
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not Pagefind's protocol
            reason = f"an unreadable reply: {exc}"
            self._proc.kill()
        finally:
            with self._done:
                self._closed = reason
                self._done.notify_all()
