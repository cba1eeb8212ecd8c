"""The directory: prefecture, block and organization pages.

Each page combines what several apps record about a place or an
organization (its briefings, threads, activities), so it lives here, in the
layer that composes the apps; `networks` has no public views.
"""
