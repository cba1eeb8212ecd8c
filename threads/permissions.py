"""How the threads app's rows belong to a block (core.access.scope).

A bureau keeps the diagonal thread's activities and status updates of its
own block; the other threads' record is the ministry's, whatever its block.
The admin, the object permissions and the form choices (only the diagonal
thread) all derive from these declarations.
"""

from core.access import register_scope

from .models import Activity, StatusUpdate, Thread

ON_DIAGONAL_THREAD = {"thread__kind": Thread.Kind.DIAGONAL}

register_scope(Activity, block="block", where=ON_DIAGONAL_THREAD)
register_scope(StatusUpdate, block="block", where=ON_DIAGONAL_THREAD)
