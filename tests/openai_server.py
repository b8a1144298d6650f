"""A local OpenAI-compatible server for tests and benchmarks: chat, files and batches, with programmable faults.

It answers like a (very literal) model: JSON that follows the requested schema, with evidence quotes taken
from the data block of the request. Faults are scripted per request, globally or for requests whose text
contains a marker: "429", "500", "hang", "invalid_json", "schema_violation", "bad_quote", "ok".
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA_BLOCK = re.compile(r"<<<([A-Z]+-[0-9a-f]{16})\n(.*?)\n\1>>>", re.S)
INSTRUCTION = re.compile(r"^INSTRUCTION:\s*(.+)$", re.M)


@dataclass
class Knobs:
    latency_s: float = 0.0
    rpm_limit: int = 0  # 0: no limit; else a sliding 60 s window answering 429 with Retry-After
    retry_after_s: float = 0.05  # what a scripted 429 or 500 asks the client to wait
    hang_s: float = 3.0  # how long a "hang" holds the request before answering
    batch_mode: str = "complete"  # complete | expire | fail
    batch_polls_before_done: int = 0  # retrieves answered "in_progress" before a batch finishes
    batch_expire_after: int = 1  # lines processed before an "expire" batch runs out of time


@dataclass
class FakeOpenAI:
    knobs: Knobs = field(default_factory=Knobs)
    chat_bodies: list = field(default_factory=list)  # every chat request that got past the rate limit
    n_http: int = 0  # every HTTP request, 429s included
    n_rate_limited: int = 0
    n_authorized: int = 0
    in_flight: int = 0
    first_admitted_at: float | None = None  # monotonic times of the first and last admitted chat request
    last_admitted_at: float | None = None
    max_in_flight: int = 0  # the most chat requests being answered at once
    faults: deque = field(default_factory=deque)
    marked_faults: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    batches: dict = field(default_factory=dict)
    arrivals: deque = field(default_factory=deque)
    seen_system: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *faults: str, marker: str | None = None) -> None:
        """Queue faults for the next requests (or the next requests whose text contains marker)."""
        with self.lock:
            (self.marked_faults.setdefault(marker, deque()) if marker else self.faults).extend(faults)

    def next_fault(self, body: dict) -> str:
        text = json.dumps(body.get("messages", []), ensure_ascii=False)
        with self.lock:
            for marker, queue in self.marked_faults.items():
                if marker in text and queue:
                    return queue.popleft()
            return self.faults.popleft() if self.faults else "ok"

    def admit(self) -> float:
        """0 when the request is within the RPM limit, else the seconds until a slot frees."""
        with self.lock:
            now = time.monotonic()
            if self.knobs.rpm_limit:
                while self.arrivals and self.arrivals[0] <= now - 60:
                    self.arrivals.popleft()
                if len(self.arrivals) >= self.knobs.rpm_limit:
                    self.n_rate_limited += 1
                    return max(self.arrivals[0] + 60 - now, 0.01)
                self.arrivals.append(now)
            self.first_admitted_at = self.first_admitted_at or now
            self.last_admitted_at = now
            return 0.0

    def chat(self, body: dict, fault: str) -> tuple[int, dict]:
        """The status and JSON body a chat completion request gets under this fault."""
        if fault in ("429", "500"):
            return int(fault), {"error": {"message": f"scripted {fault}", "type": "server_error", "code": None}}
        with self.lock:
            self.chat_bodies.append(body)
        content = fake_content(body, fault)
        return 200, completion(body, content, self.cached_tokens(body))

    def cached_tokens(self, body: dict) -> int:
        system = "".join(m.get("content", "") for m in body.get("messages", []) if m.get("role") == "system")
        with self.lock:
            seen = system in self.seen_system
            self.seen_system.add(system)
        return len(system) // 4 if seen else 0


def completion(body: dict, content: str, cached: int) -> dict:
    prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", [])) // 4
    out = len(content) // 4
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": content, "refusal": None},
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": out,
            "total_tokens": prompt + out,
            "prompt_tokens_details": {"cached_tokens": min(cached, prompt)},
        },
    }


def fake_content(body: dict, fault: str) -> str:
    """What the literal model answers: schema-shaped JSON built from the request's data block."""
    if fault == "invalid_json":
        return '{"summary": "an unterminated reply'
    texts = [str(m.get("content", "")) for m in body.get("messages", [])]
    data = "\n".join(m.group(2) for t in texts for m in DATA_BLOCK.finditer(t))
    outside = "\n".join(DATA_BLOCK.sub("", t) for t in texts)
    schema = body["response_format"]["json_schema"]["schema"]
    answer = fill(schema, _lines(data), "")
    obeyed = INSTRUCTION.findall(outside)  # a naive model follows instructions it finds outside data blocks
    if obeyed:
        answer["summary"] = obeyed[-1]
    if fault == "schema_violation":
        answer.pop("evidence", None)
        answer["unexpected"] = True
    if fault == "bad_quote":
        for item in answer.get("evidence", []):
            item["quote"] = "A sentence that appears nowhere in the posting."
    return json.dumps(answer, ensure_ascii=False)


def _lines(data: str) -> list[str]:
    lines = [line.strip() for line in data.splitlines() if len(line.strip()) > 30]
    return [line[:160].rsplit(" ", 1)[0] if len(line) > 160 else line for line in lines] or [data.strip()[:80] or "x"]


def fill(schema: dict, lines: list[str], key: str):
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "null" in kinds and key not in ("summary",):
        return None
    if "object" in kinds:
        return {k: fill(v, lines, k) for k, v in schema.get("properties", {}).items()}
    if "array" in kinds:
        if key == "evidence":
            return [{"claim": f"The material says so ({i + 1}).", "quote": line} for i, line in enumerate(lines[:3])]
        return [f"{key.replace('_', ' ')} point {i + 1}" for i in range(2)]
    if key == "summary":
        return f"A fake analysis. It opens with: {lines[0]}"
    if key == "background":
        return ""
    return f"{key} text"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-openai/1"

    def log_message(self, *args) -> None:  # quiet
        pass

    @property
    def state(self) -> FakeOpenAI:
        return self.server.state

    def do_POST(self) -> None:
        self._count()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.endswith("/chat/completions"):
            return self._chat(json.loads(body))
        if self.path.endswith("/files"):
            return self._send(200, self._upload(body))
        if self.path.endswith("/batches"):
            return self._send(200, self._create_batch(json.loads(body)))
        self._send(404, {"error": {"message": f"no route {self.path}"}})

    def do_GET(self) -> None:
        self._count()
        path = self.path.split("?")[0].rstrip("/")
        parts = path.split("/")
        if path.endswith("/batches"):
            data = [self._batch_view(b) for b in self.state.batches.values()]
            return self._send(200, {"object": "list", "data": data, "has_more": False})
        if len(parts) >= 2 and parts[-2] == "batches":
            return self._retrieve_batch(parts[-1])
        if path.endswith("/content") and parts[-2] in self.state.files:
            return self._send_bytes(self.state.files[parts[-2]]["bytes"])
        if parts[-1] in self.state.files:
            return self._send(200, _file_view(parts[-1], self.state.files[parts[-1]]))
        self._send(404, {"error": {"message": f"no route {self.path}"}})

    def _count(self) -> None:
        with self.state.lock:
            self.state.n_http += 1
            self.state.n_authorized += self.headers.get("Authorization", "").startswith("Bearer ")

    def _chat(self, body: dict) -> None:
        wait = self.state.admit()
        if wait:
            headers = {"retry-after-ms": str(int(wait * 1000)), "retry-after": str(max(1, round(wait)))}
            return self._send(429, {"error": {"message": "rate limit", "type": "requests"}}, headers)
        with self.state.lock:
            self.state.in_flight += 1
            self.state.max_in_flight = max(self.state.max_in_flight, self.state.in_flight)
        try:
            time.sleep(self.state.knobs.latency_s)
            fault = self.state.next_fault(body)
            if fault == "hang":
                time.sleep(self.state.knobs.hang_s)
            status, payload = self.state.chat(body, fault)
        finally:
            with self.state.lock:
                self.state.in_flight -= 1
        # Scripted 429s and 500s say how long to wait, so tests need not sit through the client's backoff.
        headers = {"retry-after-ms": str(int(self.state.knobs.retry_after_s * 1000))} if status != 200 else {}
        self._send(status, payload, headers)

    def _upload(self, body: bytes) -> dict:
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body
        )
        fields = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        content = fields["file"].get_payload(decode=True)
        file_id = f"file-{uuid.uuid4().hex[:12]}"
        self.state.files[file_id] = {
            "bytes": content,
            "filename": fields["file"].get_filename() or "upload.jsonl",
            "purpose": fields["purpose"].get_content().strip(),
        }
        return _file_view(file_id, self.state.files[file_id])

    def _create_batch(self, body: dict) -> dict:
        batch_id = f"batch_{uuid.uuid4().hex[:12]}"
        batch = {
            "id": batch_id,
            "input_file_id": body["input_file_id"],
            "endpoint": body["endpoint"],
            "completion_window": body["completion_window"],
            "metadata": body.get("metadata"),
            "status": "validating",
            "created_at": int(time.time()),
            "polls": 0,
            "mode": self.state.knobs.batch_mode,
        }  # the knobs at creation decide how it ends
        self.state.batches[batch_id] = batch
        return self._batch_view(batch)

    def _retrieve_batch(self, batch_id: str) -> None:
        batch = self.state.batches.get(batch_id)
        if batch is None:
            return self._send(404, {"error": {"message": f"no batch {batch_id}"}})
        batch["polls"] += 1
        if batch["status"] in ("validating", "in_progress"):
            if batch["polls"] > self.state.knobs.batch_polls_before_done:
                run_batch(self.state, batch)
            else:
                batch["status"] = "in_progress"
        self._send(200, self._batch_view(batch))

    def _batch_view(self, batch: dict) -> dict:
        return {"object": "batch", **{k: v for k, v in batch.items() if k not in ("polls", "mode")}}

    def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
        self._send_bytes(json.dumps(payload).encode(), status, headers, "application/json")

    def _send_bytes(
        self,
        data: bytes,
        status: int = 200,
        headers: dict | None = None,
        content_type: str = "application/octet-stream",
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def _file_view(file_id: str, f: dict) -> dict:
    return {
        "id": file_id,
        "object": "file",
        "bytes": len(f["bytes"]),
        "created_at": int(time.time()),
        "filename": f["filename"],
        "purpose": f["purpose"],
        "status": "processed",
    }


def run_batch(state: FakeOpenAI, batch: dict) -> None:
    """Process a batch's lines at once, as the knobs say: all, some then expire, or fail outright."""
    mode = batch["mode"]
    if mode == "fail":
        batch.update(
            status="failed",
            failed_at=int(time.time()),
            errors={"object": "list", "data": [{"code": "invalid_file", "message": "scripted failure"}]},
        )
        return
    lines = [json.loads(line) for line in state.files[batch["input_file_id"]]["bytes"].decode().splitlines() if line]
    done, errors = [], []
    for n, line in enumerate(lines):
        if mode == "expire" and n >= state.knobs.batch_expire_after:
            errors.append(
                {
                    "id": f"batch_req_{n}",
                    "custom_id": line["custom_id"],
                    "response": None,
                    "error": {"code": "batch_expired", "message": "not completed within the window"},
                }
            )
            continue
        status, payload = state.chat(line["body"], state.next_fault(line["body"]))
        row = {
            "id": f"batch_req_{n}",
            "custom_id": line["custom_id"],
            "error": None,
            "response": {"status_code": status, "request_id": uuid.uuid4().hex, "body": payload},
        }
        (done if status == 200 else errors).append(row)
    batch.update(
        status="expired" if mode == "expire" else "completed",
        completed_at=int(time.time()),
        request_counts={"total": len(lines), "completed": len(done), "failed": len(errors)},
        output_file_id=_store_jsonl(state, done),
        error_file_id=_store_jsonl(state, errors),
    )


def _store_jsonl(state: FakeOpenAI, rows: list[dict]) -> str | None:
    if not rows:
        return None
    file_id = f"file-{uuid.uuid4().hex[:12]}"
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    state.files[file_id] = {"bytes": data, "filename": "output.jsonl", "purpose": "batch_output"}
    return file_id


class FakeServer:
    """Start with `with FakeServer(latency_s=0.3, rpm_limit=600) as server:`; server.base_url is the API root."""

    def __init__(self, **knobs) -> None:
        self.state = FakeOpenAI(Knobs(**knobs))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.httpd.state = self.state
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
