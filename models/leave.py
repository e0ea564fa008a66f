"""Leave requests, weekly approval of hours, and people who turned reminders off."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column

PENDING = "pending"
APPROVED = "approved"
DECLINED = "declined"
REGISTERED = "registered"  # sick leave: recorded at once, the manager is only told


class LeaveRequest(Base):
    __tablename__ = "leave_requests"
    __table_args__ = (Index("ix_leave_requests_employee_from", "employee_id", "date_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    date_from: Mapped[date] = mapped_column(Date, nullable=False)
    date_to: Mapped[date] = mapped_column(Date, nullable=False)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=PENDING)
    decider_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    absence_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = created_at_column()
    decided_at: Mapped[datetime | None] = mapped_column(DateTime())


WEEK_SUBMITTED = "submitted"
WEEK_APPROVED = "approved"
WEEK_RETURNED = "returned"


class WeekApproval(Base):
    """One person's week (Monday..Sunday) sent for approval; approved, it is locked."""

    __tablename__ = "week_approvals"
    __table_args__ = (UniqueConstraint("employee_id", "week_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    week_start: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=WEEK_SUBMITTED)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decider_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime())
    decided_at: Mapped[datetime | None] = mapped_column(DateTime())


class ReminderOptOut(Base):
    """A person who said `/remind off`: no log reminders until `/remind on`."""

    __tablename__ = "reminder_optouts"

    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = created_at_column()
