"""The domain's enumerations, registered as GraphQL enums under their own names.

Importing this module registers them; the type modules import the enum classes from here.
"""

from __future__ import annotations

import strawberry

from matchmaker.auth.roles import Role
from matchmaker.domain.model import CareerStage, GroupKind, PartnerKind, Sector, ThemeKind

strawberry.enum(CareerStage, description="trainee, early, mid, senior, consultant")
strawberry.enum(Sector, description="The sector an organisation or partner is in.")
strawberry.enum(GroupKind, description="SIG, CoI, Task-and-Finish group, committee")
strawberry.enum(PartnerKind, description="What kind of body a partner is.")
strawberry.enum(ThemeKind, description="A grand challenge or an emerging trend.")
strawberry.enum(Role, description="What a signed-in user may do and see.")

__all__ = ["CareerStage", "GroupKind", "PartnerKind", "Role", "Sector", "ThemeKind"]
