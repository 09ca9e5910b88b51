"""A room of phones against the app served as in production: N participants join a workshop
and send contributions while the projector board polls.

    python bench/workshop_load.py --participants 1000 --contributions 3 --seconds 60

Builds a fresh SQLite database in a temporary folder (migrate, collectstatic, the Swedish
organisations, an open OPSI-style workshop made through the workshop services), starts
gunicorn on it with DEBUG off (gthread: by default 2 workers of 4 threads, which measured best
on 2 cores), then plays the room from one asyncio process, each browser with its own cookies
and kept-alive connections:
- each participant opens /w/<CODE>/ within --join-seconds (by default the first quarter of
  the run) with the page's style sheets, scripts and images, takes 2 to 8 s to fill in the
  form, joins (POST delta/, which sets her cookie) and lands on her page;
- she then sends --contributions answers at random moments before --seconds, one at a time
  as the phone does (POST skicka/ with a client_key and X-Requested-With: fetch). Like
  participant.js she sends again with the same client_key after a network failure, and after
  a pause on a 429 or 5xx, until a grace period after the run; any other refusal is final;
- her open page asks every 15 s whether a voting round has opened, as it does in a browser;
- --boards screens poll tavla/innehall/?v=<revision> every two seconds.

Afterwards the database is counted: a contribution is lost when its client_key was sent but
never stored. Then `themes_cluster` is timed on the stored workshop, and the server is shut
down. The bench and the server share the machine: the client's CPU time is printed too.
The last line is machine-readable: `lost=... p99_ms=... throughput=...`."""

import argparse
import asyncio
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 17
JOIN_SHARE = 0.25  # by default everyone opens the join page in the first quarter of the run
BOARD_EVERY_S = 2.0
REQUEST_TIMEOUT_S = 30.0
BROWSER_KEEPALIVE_S = 4.0  # below gunicorn's --keep-alive 5, so the browser closes first
THINK_S = (2.0, 8.0)  # between opening the join form and pressing Start
GRACE_S = 60.0  # how long after the run a phone keeps resending what is not yet stored
TARGET_P99_MS = 300
TARGET_CLUSTER_S = 2.0
VOTING_POLL_EVERY_S = 15.0  # the phone's voting panel: hx-trigger="every 15s"
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
VOTING_ROUND = re.compile(r'rostning/\?round=(\d*)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PROMPT_FIELD = re.compile(r'name="prompt" value="(\d+)"')
REVISION = re.compile(r"\?v=(\d+)")
NOTE = re.compile(r"data-contribution=")

# What a room answers to "which innovations do you know", "what does it take" and "what
# stands in the way": a few topics in many wordings, so that clustering has work to do.
TOPICS = {
    "example": [
        "digitala trygghetslarm i hemtjänsten",
        "Fritidsbanken där barn lånar sportutrustning gratis",
        "en återbruksgalleria som säljer det som lämnas in",
        "e-tjänst för bygglov som svarar samma dag",
        "robotar som sköter fakturahanteringen",
        "avancerad sjukvård i hemmet i stället för på sjukhus",
        "skolskjuts som bokas och följs i en app",
        "en chattbot som svarar på frågor om kommunens tjänster",
        "sensorer som mäter luftkvaliteten vid skolorna",
        "medborgardialog med trygghetsvandringar på kvällen",
        "förifylld deklaration som godkänns i mobilen",
        "verklighetslabb där äldre och personal testar nya hjälpmedel",
    ],
    "enabler": [
        "tydligare styrning och budget för att pröva nytt",
        "chefer som ger mandat att misslyckas",
        "mer kunskap om innovation hos politiker",
        "att utgå från användarnas behov från början",
        "att skala upp det som fungerar i stället för nya piloter",
        "samarbete med forskare och högskolor",
        "tid avsatt i schemat för utvecklingsarbete",
        "nätverk mellan kommuner som delar erfarenheter",
        "innovationsupphandling med funktionskrav",
        "en innovationsledare med tydligt uppdrag",
    ],
    "barrier": [
        "politiska svängningar efter varje val",
        "upphandlingen tar för lång tid",
        "allt blir projekt som dör när pengarna tar slut",
        "stuprör och ingen samordning mellan förvaltningarna",
        "svårt att sprida goda exempel till andra kommuner",
        "rädsla för att göra fel i en granskad verksamhet",
        "gamla it-system som inte går att koppla ihop",
        "ingen tid vid sidan av det dagliga arbetet",
        "juridiken kring personuppgifter är oklar",
        "budgeten är ettårig medan förändring tar flera år",
    ],
}
OPENINGS = ["", "", "Jag tänker på ", "Hos oss: ", "Kanske ", "Absolut ", "Framför allt "]
ENDINGS = [
    "",
    "",
    ".",
    ": det fungerar bra",
    ", borde finnas i fler kommuner",
    " och det märks i vardagen",
    ", särskilt i mindre kommuner",
    " enligt min erfarenhet",
]
FIRST_NAMES = ["Anna", "Erik", "Maria", "Johan", "Fatima", "Lars", "Sara", "Ali", "Karin", ""]


def answer_text(rng: random.Random, kind: str) -> str:
    topic = rng.choice(TOPICS.get(kind, TOPICS["example"]))
    text = rng.choice(OPENINGS) + topic + rng.choice(ENDINGS)
    return (text[0].upper() + text[1:])[:280]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- The server ---------------------------------------------------------------------------------


def server_environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="innovationskraft.settings",
        DATA_DIR=str(data_dir),
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # The phones speak plain HTTP to the loopback here; behind TLS the cookies are secure.
        SECURE_COOKIES="false",
    )
    return env


@dataclass
class Room:
    code: str
    workshop_id: int
    facilitator_id: int
    organisation_names: list[str]


def prepare_database(env: dict[str, str]) -> Room:
    """A fresh database with the organisations and one open OPSI-style workshop."""
    os.environ.update(env)
    import django

    django.setup()
    import datetime

    from django.core.management import call_command
    from django.db import connections

    from innovationskraft.accounts.models import Membership, User
    from innovationskraft.accounts.services import membership_grant
    from innovationskraft.cases.models import Organisation
    from innovationskraft.cases.services import organisations_seed_swedish_registry
    from innovationskraft.workshops import services

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    organisations_seed_swedish_registry()
    organiser = Organisation.objects.get(kind="municipality", official_code="0484")
    facilitator = User.objects.create_user("facilitator@bench.example", password=None)
    membership_grant(user=facilitator, organisation=organiser, role=Membership.Role.EDITOR)
    workshop = services.workshop_create(
        actor=facilitator,
        organiser=organiser,
        title="Innovationskraft i offentlig verksamhet (lasttest)",
        date=datetime.date.today(),
        template="opsi",
    )
    services.workshop_open(actor=facilitator, workshop=workshop)
    names = list(Organisation.objects.values_list("name", flat=True))
    connections.close_all()
    return Room(workshop.join_code, workshop.pk, facilitator.pk, names)


def limits() -> str:
    """Every phone here shares one address, as a room behind one router does."""
    from django.conf import settings

    return (
        "limits per minute: "
        f"participant={settings.WORKSHOP_CONTRIBUTIONS_PER_PARTICIPANT_MINUTE} "
        f"address={settings.WORKSHOP_CONTRIBUTIONS_PER_ADDRESS_MINUTE} "
        f"joins_per_address={settings.WORKSHOP_JOINS_PER_ADDRESS_MINUTE}"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(args, env: dict[str, str], log: Path) -> subprocess.Popen:
    """gunicorn and Django both write to the log (Django's warnings for 4xx answers too)."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "innovationskraft.wsgi:application",
        f"--bind=127.0.0.1:{args.port}",
        f"--workers={args.workers}",
        f"--worker-class={args.worker_class}",
        f"--threads={args.threads}",
        "--backlog=2048",
        "--keep-alive=5",
        "--timeout=60",
        "--graceful-timeout=20",
        "--worker-tmp-dir=/dev/shm",
        "--error-logfile=-",
    ]
    with log.open("ab") as output:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def log_summary(log: Path) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    tracebacks = text.count("Traceback (most recent call last)")
    errors = sum("[ERROR]" in row or "[CRITICAL]" in row for row in text.splitlines())
    return f"server log: {tracebacks} tracebacks, {errors} error lines"


def wait_until_up(server: subprocess.Popen, port: int, log: Path, limit_s: float = 60) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    sys.exit(f"gunicorn did not answer within {limit_s:.0f} s:\n{log.read_text()[-3000:]}")


def process_tree_cpu_s(pid: int) -> float:
    """User plus system CPU seconds of a process and its children that are still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def stop_server(server: subprocess.Popen) -> None:
    """SIGTERM lets gunicorn finish the requests in flight; SIGKILL only if it hangs."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# -- The room -----------------------------------------------------------------------------------


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    joined: int = 0
    join_failed: int = 0
    join_flow_ms: list[float] = field(default_factory=list)
    sent_keys: set[str] = field(default_factory=set)
    acked_keys: set[str] = field(default_factory=set)
    refused: int = 0
    gave_up: int = 0
    resends: int = 0
    until_stored_ms: list[float] = field(default_factory=list)
    # (seconds into the room, kind, ms) of every request, for the timeline
    timeline: list[tuple[float, str, float]] = field(default_factory=list)
    run_start: float = 0.0
    first_send: float = float("inf")
    last_ack: float = 0.0
    board_polls: Counter = field(default_factory=Counter)
    board_notes: int = 0


async def stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    """Wait up to `seconds`; True when the room ended meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=max(0.0, seconds))
    except TimeoutError:
        return False
    return True


class Phone:
    """One browser: its own kept-alive connections (at most six, as browsers keep per site),
    its cookies, the static files it has already and the CSRF token of the page it shows."""

    def __init__(self, base: str, code: str, stats: Stats, *, assets: bool = True):
        self.base, self.code, self.stats, self.assets = base, code, stats, assets
        self.session = None
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.prompts: list[int] = []
        self.cached: set[str] = set()
        self.voting_round = ""

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()

    async def request(self, kind: str, method: str, path: str, **kwargs):
        """(status, body, ms); a network failure or a timeout is status 0, named in stats."""
        import aiohttp

        if self.session is None:
            self.session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=6, keepalive_timeout=BROWSER_KEEPALIVE_S),
                timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
                cookie_jar=aiohttp.DummyCookieJar(),  # cookies by hand: no Secure over http
            )
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        moment, start = time.monotonic() - self.stats.run_start, time.perf_counter()
        try:
            async with self.session.request(
                method, self.base + path, headers=headers, allow_redirects=False, **kwargs
            ) as response:
                body = await response.text()
                for name, morsel in response.cookies.items():
                    self.cookies[name] = morsel.value
                status = response.status
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            status, body, answer = 0, "", type(error).__name__
        else:
            answer = str(status)
        ms = (time.perf_counter() - start) * 1000
        self.stats.times[kind].append(ms)
        self.stats.statuses[kind][answer] += 1
        self.stats.timeline.append((moment, kind, ms))
        return status, body, ms

    def _read_page(self, body: str) -> None:
        if match := CSRF_FIELD.search(body):
            self.csrf = match.group(1)
        if match := VOTING_ROUND.search(body):
            self.voting_round = match.group(1)
        self.prompts = [int(pk) for pk in PROMPT_FIELD.findall(body)] or self.prompts

    async def load_assets(self, body: str) -> None:
        """Style sheets, scripts and images the browser does not have yet, in parallel."""
        if not self.assets:
            return
        new = sorted(set(ASSET.findall(body)) - self.cached)
        self.cached.update(new)
        await asyncio.gather(*(self.request("assets: GET static", "GET", url) for url in new))

    def _origin(self) -> dict[str, str]:
        return {"Origin": self.base}

    async def join(self, rng: random.Random, organisations: list[str], deadline: float) -> bool:
        """Open the code's page, fill in the form, press Start, land on the questions."""
        while time.monotonic() < deadline:
            status, body, form_ms = await self.request("join: GET form", "GET", f"/w/{self.code}/")
            if status == 200:
                self._read_page(body)
                await self.load_assets(body)
                await asyncio.sleep(rng.uniform(*THINK_S))  # she reads and types her name
                data = {
                    "csrfmiddlewaretoken": self.csrf,
                    "name": rng.choice(FIRST_NAMES),
                    "organisation": rng.choice(organisations) if rng.random() < 0.7 else "",
                }
                status, _b, post_ms = await self.request(
                    "join: POST delta", "POST", f"/w/{self.code}/delta/", data=data,
                    headers=self._origin(),
                )  # fmt: skip
            if status == 302 and any(k.startswith("ik_deltagare_") for k in self.cookies):
                status, body, page_ms = await self.request(
                    "join: GET page", "GET", f"/w/{self.code}/"
                )
                self._read_page(body)
                if status == 200 and self.prompts:
                    self.stats.join_flow_ms.append(form_ms + post_ms + page_ms)
                    await self.load_assets(body)
                    return True
            await asyncio.sleep(rng.uniform(2, 5))  # she tries again
        return False

    async def poll_voting(self, stop: asyncio.Event) -> None:
        """The open page asks every 15 s whether a voting round has opened (204: no change)."""
        while not await stopped_within(stop, VOTING_POLL_EVERY_S):
            path = f"/w/{self.code}/rostning/?round={self.voting_round}"
            await self.request("phone: poll voting", "GET", path)

    async def contribute(self, rng: random.Random, deadline: float) -> None:
        """Send one answer until it is stored, resending with the same key as the phone does."""
        key = str(uuid.uuid4())
        prompt = rng.choice(self.prompts)
        kind = ("example", "enabler", "barrier")[self.prompts.index(prompt) % 3]
        data = {
            "csrfmiddlewaretoken": self.csrf,
            "prompt": str(prompt),
            "text": answer_text(rng, kind),
            "client_key": key,
        }
        headers = {"X-Requested-With": "fetch"} | self._origin()
        stats = self.stats
        stats.sent_keys.add(key)
        started = time.monotonic()
        stats.first_send = min(stats.first_send, started)
        attempt = 0
        while True:
            status, _b, _ms = await self.request(
                "contribute: POST skicka", "POST", f"/w/{self.code}/skicka/", data=data,
                headers=dict(headers),
            )  # fmt: skip
            if status == 200:
                stats.acked_keys.add(key)
                stats.last_ack = time.monotonic()
                stats.until_stored_ms.append((stats.last_ack - started) * 1000)
                return
            if 300 <= status < 500 and status != 429:
                stats.refused += 1  # refused for good: the phone shows why and stops
                return
            if time.monotonic() > deadline:
                stats.gave_up += 1
                return
            attempt += 1
            stats.resends += 1
            await asyncio.sleep(min(5.0, 0.5 * 2**attempt) * rng.uniform(0.8, 1.2))


async def participant(phone: Phone, rng, room: Room, args, clock, stop, polls) -> None:
    run_start, deadline = clock
    await asyncio.sleep(rng.uniform(0, args.join_seconds))
    if not await phone.join(rng, room.organisation_names, deadline):
        phone.stats.join_failed += 1
        return
    phone.stats.joined += 1
    if args.phone_polls:
        polls.append(asyncio.create_task(phone.poll_voting(stop)))
    joined_at = time.monotonic() - run_start
    moments = sorted(rng.uniform(joined_at, args.seconds) for _ in range(args.contributions))
    for moment in moments:
        await asyncio.sleep(max(0.0, run_start + moment - time.monotonic()))
        await phone.contribute(rng, deadline)


async def board(phone: Phone, stop: asyncio.Event) -> None:
    """The projector: the page once, then the content every two seconds, as htmx does."""
    _s, body, _ms = await phone.request("board: GET page", "GET", f"/w/{phone.code}/tavla/")
    await phone.load_assets(body)
    revision = match.group(1) if (match := REVISION.search(body)) else "0"
    while not stop.is_set():
        started = time.monotonic()
        path = f"/w/{phone.code}/tavla/innehall/?v={revision}"
        status, body, _ms = await phone.request("board: poll", "GET", path)
        phone.stats.board_polls[status] += 1
        if status == 200 and (match := REVISION.search(body)):
            revision = match.group(1)
            phone.stats.board_notes = len(NOTE.findall(body))
        if await stopped_within(stop, BOARD_EVERY_S - (time.monotonic() - started)):
            return


async def warm_up(base: str, room: Room, threads: int) -> None:
    """Every worker thread loads its templates and URLs once, outside the measurement."""
    browsers = [Phone(base, room.code, Stats(), assets=False) for _ in range(threads)]
    try:
        for path in (f"/w/{room.code}/", f"/w/{room.code}/tavla/innehall/?v=warm"):
            await asyncio.gather(*(browser.request("warm-up", "GET", path) for browser in browsers))
    finally:
        await asyncio.gather(*(browser.close() for browser in browsers))


async def play_room(args, room: Room, stats: Stats) -> float:
    rng = random.Random(SEED)
    base = f"http://127.0.0.1:{args.port}"
    await warm_up(base, room, 2 * args.workers * args.threads)
    stop = asyncio.Event()
    screens = [Phone(base, room.code, stats, assets=args.assets) for _ in range(args.boards)]
    phones = [Phone(base, room.code, stats, assets=args.assets) for _ in range(args.participants)]
    try:
        boards = [asyncio.create_task(board(screen, stop)) for screen in screens]
        polls: list[asyncio.Task] = []
        run_start = stats.run_start = time.monotonic()
        clock = (run_start, run_start + args.seconds + GRACE_S)
        await asyncio.gather(
            *(
                participant(phone, random.Random(rng.random()), room, args, clock, stop, polls)
                for phone in phones
            )
        )
        elapsed = time.monotonic() - run_start
        # One more round of polls, so that the board has shown the last contribution.
        await asyncio.sleep(BOARD_EVERY_S + 0.5)
        stop.set()
        await asyncio.gather(*boards, *polls)
    finally:
        await asyncio.gather(*(browser.close() for browser in screens + phones))
    return elapsed


# -- After the run ------------------------------------------------------------------------------


def count_and_cluster(room: Room) -> dict:
    from django.db import connections

    from innovationskraft.accounts.models import User
    from innovationskraft.workshops import services
    from innovationskraft.workshops.models import Contribution, Participant, Workshop

    connections.close_all()
    workshop = Workshop.objects.get(pk=room.workshop_id)
    keys = list(Contribution.objects.filter(workshop=workshop).values_list("client_key", flat=True))
    facilitator = User.objects.get(pk=room.facilitator_id)
    start = time.perf_counter()
    outcome = services.themes_cluster(actor=facilitator, workshop=workshop)
    cluster_s = time.perf_counter() - start
    return {
        "keys": keys,
        "participants": Participant.objects.filter(workshop=workshop).count(),
        "cluster_s": cluster_s,
        "outcome": outcome,
        "revision": Workshop.objects.get(pk=room.workshop_id).revision,
    }


def line(name: str, values: list[float]) -> str:
    if not values:
        return f"  {name:<28} (none)"
    return (
        f"  {name:<28} n={len(values):<6} p50={percentile(values, 0.5):8.1f}"
        f" p95={percentile(values, 0.95):8.1f} p99={percentile(values, 0.99):8.1f}"
        f" max={max(values):8.1f} mean={statistics.fmean(values):8.1f}"
    )


def print_timeline(stats: Stats, seconds: float) -> None:
    """Requests and contribution latency per slice of the room: where it was slow."""
    width = max(5.0, seconds / 12)
    slices: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for moment, kind, ms in stats.timeline:
        slices[int(moment // width)].append((kind, ms))
    print(f"timeline, by {width:g} s slice (requests started in it):")
    for number in sorted(slices):
        rows = slices[number]
        joins = sum(kind.startswith("join") for kind, _ms in rows)
        posts = [ms for kind, ms in rows if kind.startswith("contribute")]
        print(
            f"  {number * width:5.0f}-{(number + 1) * width:<5.0f} requests/s="
            f"{len(rows) / width:6.1f} join requests={joins:<5} contribution posts={len(posts):<5}"
            f" post p50={percentile(posts, 0.5):7.1f} p99={percentile(posts, 0.99):7.1f} ms"
        )


def report(args, stats: Stats, db: dict, elapsed: float, cpu: dict) -> None:
    stored = set(db["keys"])
    lost = len(stats.sent_keys - stored)
    posts = stats.times["contribute: POST skicka"]
    window = max(stats.last_ack - stats.first_send, 1e-9) if stats.acked_keys else float("nan")
    throughput = len(stats.sent_keys & stored) / window
    print(
        f"server: gunicorn {args.worker_class} workers={args.workers} threads={args.threads}, "
        f"SQLite (WAL, BEGIN IMMEDIATE), DEBUG off; client: aiohttp, one session per browser"
    )
    print(
        f"room: participants={args.participants} contributions_each={args.contributions} "
        f"seconds={args.seconds:g} join_seconds={args.join_seconds:g} boards={args.boards} "
        f"phone_polls={args.phone_polls} "
        f"assets={args.assets}; the room took {elapsed:.1f} s"
    )
    print("latency in ms, per HTTP request (failed attempts included):")
    for name in sorted(stats.times):
        print(line(name, stats.times[name]))
    print(line("join: its three requests", stats.join_flow_ms))
    print(line("contribution: sent to stored", stats.until_stored_ms))
    print_timeline(stats, args.seconds)
    print("answers by request kind:")
    for name in sorted(stats.statuses):
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(stats.statuses[name].items()))
        print(f"  {name:<28} {answers}")
    errors = Counter()
    for name, answers in stats.statuses.items():
        for status, count in answers.items():
            if not status.startswith(("2", "3")):
                errors[f"{name.split(':')[0]} {status}"] += count
    print("errors: " + (", ".join(f"{k}={v}" for k, v in sorted(errors.items())) or "none"))
    print(
        f"participants: joined={stats.joined} failed_to_join={stats.join_failed} "
        f"stored={db['participants']}"
    )
    print(
        f"contributions: sent={len(stats.sent_keys)} acknowledged={len(stats.acked_keys)} "
        f"stored={len(stored & stats.sent_keys)} unknown_stored={len(stored - stats.sent_keys)} "
        f"resends={stats.resends} refused={stats.refused} gave_up={stats.gave_up} lost={lost}"
    )
    polls = ", ".join(f"{k}: {v}" for k, v in sorted(stats.board_polls.items()))
    print(
        f"board: polls ({polls}); notes on the last board shown={stats.board_notes}; "
        f"revision={db['revision']}"
    )
    print(
        f"throughput: {throughput:.1f} contributions/s stored over the "
        f"{window:.1f} s from the first send to the last acknowledgement"
    )
    print(
        f"cpu seconds during the room: server={cpu['server']:.1f} client={cpu['client']:.1f} "
        f"of {elapsed * (os.cpu_count() or 1):.0f} available"
    )
    outcome = db["outcome"]
    print(
        f"themes_cluster: {db['cluster_s']:.2f} s for {len(stored)} contributions "
        f"({outcome.new_themes} themes, {outcome.joined} joined existing); "
        f"target < {TARGET_CLUSTER_S:g} s"
    )
    p99 = percentile(posts, 0.99)
    verdict = "met" if lost == 0 and p99 < TARGET_P99_MS else "MISSED"
    print(f"target (zero lost, contribution p99 < {TARGET_P99_MS} ms): {verdict}")
    print(f"lost={lost} p99_ms={p99:.1f} throughput={throughput:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--contributions", type=int, default=3, help="per participant")
    parser.add_argument("--seconds", type=float, default=60, help="length of the room")
    parser.add_argument(
        "--join-seconds",
        type=float,
        help="everyone opens the join page within this many seconds (default: a quarter of "
        "--seconds)",
    )
    parser.add_argument("--boards", type=int, default=1, help="screens polling the board")
    parser.add_argument(
        "--no-phone-polls",
        dest="phone_polls",
        action="store_false",
        help="phones do not poll the voting panel every 15 s as the open page does",
    )
    parser.add_argument(
        "--no-assets",
        dest="assets",
        action="store_false",
        help="browsers do not load the pages' style sheets, scripts and images",
    )
    # Measured on 2 cores: 2x4 beat 3x4, 2x2, 3x2, 2x8 and 4 or 6 single-threaded workers.
    # More processes fight for the CPU and SQLite's write lock; a single thread leaves its
    # worker idle while a request waits for that lock.
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = parser.parse_args()
    args.port = args.port or free_port()
    if args.join_seconds is None:
        args.join_seconds = JOIN_SHARE * args.seconds
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    data_dir = Path(tempfile.mkdtemp(prefix="workshop-load-"))
    log = data_dir / "gunicorn.log"
    server = None
    try:
        env = server_environment(data_dir)
        started = time.perf_counter()
        room = prepare_database(env)
        print(f"database ready in {time.perf_counter() - started:.1f} s: {data_dir}")
        server = start_server(args, env, log)
        wait_until_up(server, args.port, log)
        print(f"gunicorn up on 127.0.0.1:{args.port}; workshop code {room.code}")
        stats = Stats()
        cpu_before = (process_tree_cpu_s(server.pid), time.process_time())
        elapsed = asyncio.run(play_room(args, room, stats))
        cpu = {
            "server": process_tree_cpu_s(server.pid) - cpu_before[0],
            "client": time.process_time() - cpu_before[1],
        }
        stop_server(server)
        db = count_and_cluster(room)
        print(limits())
        print(f"gunicorn stopped with exit code {server.returncode}; {log_summary(log)}")
        report(args, stats, db, elapsed, cpu)
    finally:
        if server is not None:
            stop_server(server)
        if args.keep:
            print(f"kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
