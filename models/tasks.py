"""Tasks and their history (status changes, assignments, comments)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column

STATUSES = ("new", "in_progress", "review", "done", "cancelled")
OPEN_STATUSES = ("new", "in_progress", "review")
PRIORITIES = ("low", "normal", "high")


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_status", "assignee_id", "status"),
        Index("ix_tasks_tester_status", "tester_id", "status"),
        Index("ix_tasks_group_status", "group_id", "status"),
        Index("ix_tasks_status_group", "status", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    group_id: Mapped[int] = mapped_column(ForeignKey("dev_groups.id"), nullable=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    tester_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    estimate_min: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    deadline: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[str] = mapped_column(String(8), nullable=False, default="normal")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="new")
    logged_min: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class TaskEvent(Base):
    """One row per change: kind is created, assigned, status, comment or edit; an edit also
    names the field and its old and new values (as text, for the card's history)."""

    __tablename__ = "task_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), index=True, nullable=False
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    field: Mapped[str | None] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
