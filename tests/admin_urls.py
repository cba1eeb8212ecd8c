"""Admin addresses for tests, by model and action (changelist, change, add …),
and the versions a change form carries."""

from django.urls import reverse


def admin_url(model, action: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def row_versions(response) -> dict[str, str]:
    """The hidden versions a change form carries (core.admin.locking), as
    posted back: a hand-built POST must include them or it is refused."""
    return {field.html_name: field.value() for field in response.context["edit_versions"]}
