from .adoption import UsageDay, UsageToken
from .checkins import CheckInInvitation, CheckInResponse
from .initiatives import BarrierAction, CheckInRound, Initiative
from .results import ReadinessResult, ReadinessSnapshot

__all__ = [
    "BarrierAction",
    "CheckInInvitation",
    "CheckInResponse",
    "CheckInRound",
    "Initiative",
    "ReadinessResult",
    "ReadinessSnapshot",
    "UsageDay",
    "UsageToken",
]
