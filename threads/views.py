from django.views.generic import TemplateView


class _Todo(TemplateView):
    template_name = "base.html"


ThreadListView = ThreadDetailView = _Todo
