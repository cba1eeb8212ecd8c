"""How the networks app's rows belong to a block (core.access.scope).

A bureau changes its block's organizations and sees all of them, to pick a
host (a national ministry, another block's body). The places are declared
too: a form offers a bureau only its own block, the prefectures in it and
their municipalities (Organization.save would otherwise move a row to the
block of another block's municipality), and offer a local government's
staff only their own municipality (or prefecture).

A local government's staff report and correct only their own stages; a
bureau its block's; the prefecture's own reports are a prefecture user's.
"""

from core.access import register_place, register_scope

from .models import (
    ImplementationReport,
    Municipality,
    NetworkApplication,
    NetworkMembership,
    Organization,
    Prefecture,
    RegionalBlock,
)

register_place(RegionalBlock, block="pk")
register_place(Prefecture, block="block", prefecture="pk")
register_place(Municipality, block="prefecture__block", municipality="pk")

register_scope(Organization, block="block", others_visible=True)
register_scope(
    ImplementationReport, block="block", prefecture="prefecture", municipality="municipality"
)

# The network: a membership lies in its organization's block, an application
# in its prefecture's (a municipality's own, set when it is submitted). Both
# are the ministry's to decide; bureaus and viewers read them (portal/roles.py).
register_scope(NetworkMembership, block="organization__block")
register_scope(NetworkApplication, block="prefecture__block")
