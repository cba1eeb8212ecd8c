"""Helpers every public view uses: breadcrumbs and lenient pagination."""


class BreadcrumbsMixin:
    """Adds `breadcrumbs` (label, url) pairs from `get_breadcrumbs()` to the context."""

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context


class LenientPaginationMixin:
    """For a ListView: a bad page number shows a page instead of a 404."""

    def paginate_queryset(self, queryset, page_size):
        # get_page() turns `page=abc` into the first page and `page=999999`
        # into the last, where ListView would answer 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
