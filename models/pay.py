"""Pay settings with history, bonuses and deductions, months locked by a sent payroll and the
payroll each lock froze."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
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
    # Which payroll_snapshots version this lock froze (1 the first time, +1 after each /unlock).
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")


class PayAdjustment(Base):
    """A bonus or a deduction for one month: added to or taken from that month's total."""

    __tablename__ = "pay_adjustments"
    __table_args__ = (Index("ix_pay_adjustments_month", "month", "employee_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    month: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # "bonus" or "deduction"
    amount: Mapped[Decimal] = mapped_column(Numeric(16, 2), nullable=False)
    comment: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = created_at_column()


class PayrollSnapshot(Base):
    """The payroll of a month as it was sent when the month locked (version 1), and after each
    /unlock and lock again (2, 3, ...)."""

    __tablename__ = "payroll_snapshots"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = created_at_column()


class MonthLockEvent(Base):
    """Who locked and unlocked a month, and when: the audit trail of /unlock."""

    __tablename__ = "month_lock_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(8), nullable=False)  # "lock" or "unlock"
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = created_at_column()
