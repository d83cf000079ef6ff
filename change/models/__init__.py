from .adoption import UsageDay, UsageImportJob, UsageToken
from .checkins import CheckInInvitation, CheckInResponse
from .initiatives import BarrierAction, CheckInRound, Initiative
from .results import (
    AdoptionResult,
    AdoptionSnapshot,
    ReadinessResult,
    ReadinessSnapshot,
)

__all__ = [
    "AdoptionResult",
    "AdoptionSnapshot",
    "BarrierAction",
    "CheckInInvitation",
    "CheckInResponse",
    "CheckInRound",
    "Initiative",
    "ReadinessResult",
    "ReadinessSnapshot",
    "UsageDay",
    "UsageImportJob",
    "UsageToken",
]
