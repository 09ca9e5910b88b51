"""Bot protection without a third party or a cookie: ALTCHA's proof of work (altcha.org). The
browser's widget fetches a signed challenge, spends about a second finding a key, and posts the
solution with the form; the server checks the signature, the expiry and the solution, and that
the challenge has not been spent before (docs/connect.md)."""

import time
from datetime import UTC, datetime

from altcha import Payload, create_challenge, verify_solution
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac

from innovationskraft.connect.models import SpentChallenge

# Solved in the browser by the vendored worker (static/connect/vendor/altcha/workers/pbkdf2.js)
# with WebCrypto, which the site's Content-Security-Policy allows without exceptions.
ALGORITHM = "PBKDF2/SHA-256"
# A real solution is about 550 characters.
LONGEST_PAYLOAD = 4000


def _key() -> str:
    return salted_hmac("innovationskraft.connect.bot", "challenge").hexdigest()


def challenge() -> dict:
    """A new signed challenge, as the widget reads it."""
    expires_at = int(time.time()) + settings.ALTCHA_EXPIRES_MINUTES * 60
    made = create_challenge(
        algorithm=ALGORITHM, cost=settings.ALTCHA_COST, hmac_secret=_key(), expires_at=expires_at
    )
    return made.to_dict()


def solution_accepted(value: str) -> bool:
    """Whether the posted solution solves a challenge of ours that has not expired and was not
    spent before; spends it."""
    if not value or len(value) > LONGEST_PAYLOAD:
        return False
    try:
        if not verify_solution(value, _key()).verified:
            return False
        solved = Payload.from_base64(value).challenge
    except (ValueError, TypeError, KeyError):
        return False
    if solved.parameters.algorithm != ALGORITHM or not solved.signature:
        return False
    expires_at = datetime.fromtimestamp(solved.parameters.expires_at or time.time(), tz=UTC)
    try:
        # In the database, so that a solution is spent for every app process at once.
        with transaction.atomic():
            SpentChallenge.objects.create(signature=solved.signature, expires_at=expires_at)
    except IntegrityError:
        return False
    return True
