"""Models of the balance_response family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["BalanceResponse", "BalanceResponseData"]


class BalanceResponseData(BaseModel):
    available_balance: float
    """The available balance (unit: USD), including cash balance and voucher balance. When it is less than or equal to 0, the user cannot call the inference API"""

    voucher_balance: float
    """The voucher balance (unit: USD), which cannot be negative"""

    cash_balance: float
    """The cash balance (unit: USD), which can be negative, indicating that the user owes money. When it is negative, available_balance is equal to the value of voucher_balance"""


class BalanceResponse(BaseModel):
    code: int
    """Response code. 0 indicates success."""

    data: BalanceResponseData

    scode: str
    """Status code"""

    status: bool
    """Request status"""
