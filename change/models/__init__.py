from .adoption import UsageDay, UsageImportJob, UsageToken
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
    "UsageImportJob",
    "UsageToken",
]
