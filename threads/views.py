from django.views.generic import DetailView, ListView

from .models import Thread


class ThreadListView(ListView):
    template_name = "threads/thread_list.html"
    context_object_name = "threads"

    def get_queryset(self):
        return Thread.objects.for_overview()


class ThreadDetailView(DetailView):
    template_name = "threads/thread_detail.html"
    context_object_name = "thread"

    def get_queryset(self):
        return Thread.objects.for_detail()
