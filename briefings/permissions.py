"""How the briefings app's rows belong to a block (core.access.scope).

A bureau keeps its own block's sessions and their handouts; a session's
block follows from its prefecture (Briefing.save). The admin, the object
permissions and the import all derive from these declarations.
"""

from core.access import register_scope

from .models import Briefing, BriefingMaterial

register_scope(Briefing, block="block")
register_scope(BriefingMaterial, block="briefing__block")
