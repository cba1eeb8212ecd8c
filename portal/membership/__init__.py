"""The national network's public pages: the application form and the member directory.

They read and write only `networks` (the form calls networks.services); the
portal serves them beside the directory (portal.directory), as every public
page of the bottom layer.
"""
