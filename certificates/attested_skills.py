"""The skills a certificate attests, read from a provider the top app connects.

Certificates and skills sit side by side and never import each other, so
`training_site` connects skills' reader here in its `AppConfig.ready()`. With no
provider connected (certificates installed without skills) a certificate lists
no skills.
"""

from collections.abc import Callable, Iterable

# Called as provider(page_ids=[...]); returns skill names in display order.
SkillsProvider = Callable[..., Iterable[str]]

_connected: list[SkillsProvider] = []


def skills_provider_connect(provider: SkillsProvider | None) -> SkillsProvider | None:
    """Make `provider` the source of attested skills; returns the one it replaces."""
    previous = _connected[0] if _connected else None
    _connected[:] = [provider] if provider is not None else []
    return previous


def attested_skills(*, page_ids: list[int]) -> list[str]:
    """Names of the skills the courses `page_ids` build (empty without a provider)."""
    return list(_connected[0](page_ids=page_ids)) if _connected else []
