"""Personal data in the API (A2): a field extension that masks a value unless the caller may see it
(the county centre, or the panel of the household's own village). Put it on any field holding an
ID number or a phone: `@strawberry.field(extensions=[PersonalData(mask_phone)])`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.extensions import FieldExtension

from graph_service.auth.principal import Principal


def _village_of(source: Any) -> str | None:
    props = getattr(source, "_props", None) or {}
    return props.get("villageCode")


def _may_see(info: Any, source: Any) -> bool:
    principal: Principal | None = getattr(info.context, "principal", None)
    return principal is not None and principal.sees_personal_data(_village_of(source))


class PersonalData(FieldExtension):
    def __init__(self, mask: Callable[[str | None], str | None]) -> None:
        super().__init__()
        self.mask = mask

    def resolve(self, next_: Callable[..., Any], source: Any, info: Any, **kwargs: Any) -> Any:
        value = next_(source, info, **kwargs)
        return value if _may_see(info, source) else self.mask(value)

    async def resolve_async(self, next_: Callable[..., Awaitable[Any]], source: Any, info: Any, **kwargs: Any) -> Any:
        value = await next_(source, info, **kwargs)
        return value if _may_see(info, source) else self.mask(value)
