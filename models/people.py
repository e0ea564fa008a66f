"""People, development groups, memberships and invites."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column

ROLES = ("admin", "manager", "programmer", "tester", "external")
STAFF_ROLES = ("admin", "manager", "programmer", "tester")


class Employee(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True, nullable=False)
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    language: Mapped[str | None] = mapped_column(String(2))
    # True once the person picked a language with /lang; until then it follows Telegram's.
    language_chosen: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    listed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    access_until: Mapped[datetime | None] = mapped_column(DateTime())
    # When /deactivate took effect (aware UTC): told to the person, and the day pay stops
    # (their last month is prorated).
    deactivated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    unreachable: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = created_at_column()

    @property
    def code(self) -> str:
        return f"e{self.id}"

    @property
    def display(self) -> str:
        name = self.full_name or (f"@{self.username}" if self.username else self.code)
        return f"{name} ({self.code})"


class DevGroup(Base):
    __tablename__ = "dev_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), index=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = created_at_column()


class GroupMember(Base):
    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("dev_groups.id", ondelete="CASCADE"), primary_key=True
    )
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Invite(Base):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("dev_groups.id", ondelete="SET NULL"))
    access_days: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(DateTime(), nullable=False)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    used_at: Mapped[datetime | None] = mapped_column(DateTime())
