"""How the networks app's rows belong to a block (core.access.scope).

A bureau changes its block's organizations and sees all of them, to pick a
host (a national ministry, another block's body). The places are declared
too: a form offers a bureau only its own block, the prefectures in it and
their municipalities (Organization.save would otherwise move a row to the
block of another block's municipality), and will offer a municipality's
staff only their own municipality.
"""

from core.access import register_place, register_scope

from .models import (
    Case,
    Dispatch,
    Match,
    Municipality,
    Need,
    Offer,
    Organization,
    Prefecture,
    Project,
    RegionalBlock,
)

register_place(RegionalBlock, block="pk")
register_place(Prefecture, block="block")
register_place(Municipality, block="prefecture__block", municipality="pk")

register_scope(Organization, block="block", others_visible=True)

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
