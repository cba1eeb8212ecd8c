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
    Case,
    Dispatch,
    ImplementationReport,
    Match,
    Municipality,
    Need,
    NetworkApplication,
    NetworkMembership,
    Offer,
    Organization,
    Prefecture,
    Project,
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

# The national network's work: a bureau reaches the rows of its own block, by
# the place of the municipality they are about (a dispatch: the receiving one;
# a case: the council that reported it, which is the municipality's block).
# Offers are companies' and matches pair them with needs: both by the
# municipality's or the company's block; a nationwide company's offers stay
# the ministry's.
register_scope(Need, block="prefecture__block")
register_scope(Offer, block="organization__block", others_visible=True)
register_scope(Match, block="need__prefecture__block")
register_scope(Project, block="lead__block")
register_scope(Dispatch, block="to_organization__block")
register_scope(Case, block="council")
