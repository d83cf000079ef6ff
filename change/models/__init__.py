from .adoption import UsageDay, UsageToken
from .checkins import CheckInInvitation, CheckInResponse
from .initiatives import BarrierAction, CheckInRound, Initiative

__all__ = [
    "BarrierAction",
    "CheckInInvitation",
    "CheckInResponse",
    "CheckInRound",
    "Initiative",
    "UsageDay",
    "UsageToken",
]
