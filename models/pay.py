"""Pay settings with history, and months locked by a sent payroll."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column


class PaySetting(Base):
    __tablename__ = "pay_settings"
    __table_args__ = (UniqueConstraint("employee_id", "effective_month"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    effective_month: Mapped[date] = mapped_column(Date, nullable=False)
    pay_type: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Numeric(16, 2), nullable=False)
    norm_hours: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    k: Mapped[Decimal] = mapped_column(Numeric(6, 3), nullable=False, default=Decimal(1))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = created_at_column()


class MonthLock(Base):
    __tablename__ = "month_locks"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    locked_at: Mapped[datetime] = created_at_column()
