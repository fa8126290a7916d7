"""Bearer tokens: JWT signed with HS256 and GRAPH_SERVICE_SECRET (PyJWT)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jwt

from graph_service.auth.principal import Principal, PrincipalError, Role

ALGORITHM = "HS256"
ISSUER = "graph-service"
DEFAULT_DAYS = 30
#: Used by `make run` only when no GRAPH_SERVICE_SECRET is set and the local Neo4j is used.
DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production"
MIN_SECRET_BYTES = 32  # RFC 7518 §3.2: an HS256 key at least as long as the hash


class TokenError(Exception):
    """The token is missing a claim, expired, forged or otherwise unusable; the message says which."""


def issue(
    secret: str,
    role: Role | str,
    *,
    town: str | None = None,
    village: str | None = None,
    bank: str | None = None,
    subject: str | None = None,
    days: float = DEFAULT_DAYS,
    now: dt.datetime | None = None,
) -> str:
    """A signed token for one principal; raises PrincipalError for a role without its scope."""
    principal = Principal(role=Role(role), subject=subject or Role(role).value.lower(), town=town, village=village, bank=bank)
    issued = now or dt.datetime.now(dt.timezone.utc)
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": principal.subject,
        "role": principal.role.value,
        "iat": issued,
        "exp": issued + dt.timedelta(days=days),
    }
    for kind in ("town", "village", "bank"):
        if getattr(principal, kind):
            claims[kind] = getattr(principal, kind)
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode(secret: str, token: str) -> Principal:
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], issuer=ISSUER, options={"require": ["exp", "iat", "sub", "iss"]}
        )
    except jwt.ExpiredSignatureError:
        raise TokenError("the token has expired") from None
    except jwt.InvalidTokenError as exc:
        raise TokenError(f"the token is not valid: {type(exc).__name__}") from None
    try:
        return Principal(
            role=Role(claims.get("role")),
            subject=str(claims["sub"]),
            town=claims.get("town"),
            village=claims.get("village"),
            bank=claims.get("bank"),
        )
    except (ValueError, PrincipalError) as exc:
        raise TokenError(f"the token's role or scope is not valid: {exc}") from None


def from_header(secret: str | None, authorization: str | None) -> Principal | None:
    """None for an anonymous request; TokenError for a header that is present but unusable."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenError("Authorization must be 'Bearer <token>'")
    if not secret:
        raise TokenError("this server has no GRAPH_SERVICE_SECRET: tokens cannot be checked")
    return decode(secret, token.strip())


def authenticate(secret: str | None, authorization: str | None) -> tuple[Principal | None, str | None]:
    """(principal, None), (None, None) when anonymous, or (None, reason) for an unusable token."""
    try:
        return from_header(secret, authorization), None
    except TokenError as exc:
        return None, str(exc)


class NoSecret(Exception):
    """GRAPH_SERVICE_SECRET is required (a remote Neo4j, or production) but unset."""


def serving_secret(secret: str | None, *, local_neo4j: bool, production: bool) -> tuple[str, bool]:
    """(secret, is_development): the configured secret, else the development one — only for a
    local, non-production run (`make run`); anything else must set GRAPH_SERVICE_SECRET."""
    if secret:
        return secret, False
    if local_neo4j and not production:
        return DEVELOPMENT_SECRET, True
    raise NoSecret("GRAPH_SERVICE_SECRET is not set: it is required with NEO4J_URI or GRAPH_SERVICE_PRODUCTION")
