"""Admin addresses for tests, by model and action (changelist, change, add …)."""

from django.urls import reverse


def admin_url(model, action: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)
