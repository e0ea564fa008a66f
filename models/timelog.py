"""Time entries, their audit trail and running timers. Durations are integer minutes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column


class TimeEntry(Base):
    __tablename__ = "time_entries"
    __table_args__ = (
        Index("ix_time_entries_employee_day", "employee_id", "day"),
        Index("ix_time_entries_task", "task_id"),
        Index("ix_time_entries_day", "day"),
        Index("ix_time_entries_employee_created", "employee_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))
    day: Mapped[date] = mapped_column(Date, nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    created_at: Mapped[datetime] = created_at_column()


class EntryAudit(Base):
    """Who created, changed or removed an entry, and when. Kept after the entry is gone."""

    __tablename__ = "entry_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True, nullable=False)
    employee_id: Mapped[int] = mapped_column(Integer, nullable=False)
    actor_id: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    task_id: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    old_minutes: Mapped[int | None] = mapped_column(Integer)
    new_minutes: Mapped[int | None] = mapped_column(Integer)
    after_lock: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    update_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = created_at_column()


class Timer(Base):
    __tablename__ = "timers"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), nullable=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(), nullable=False)
    note: Mapped[str] = mapped_column(String(200), nullable=False, default="")
