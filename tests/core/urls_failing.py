"""A URLconf with a view that fails, for the logging tests."""

from django.urls import path


def failing_view(request):
    raise RuntimeError("the view failed")


urlpatterns = [path("failing/", failing_view)]
