"""Working calendar: weekly schedules, absences and holiday overrides."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at_column

ABSENCE_KINDS = ("vacation", "sick", "dayoff")


class Schedule(Base):
    """Minutes per weekday, effective from a date until the next schedule of the person."""

    __tablename__ = "schedules"
    __table_args__ = (UniqueConstraint("employee_id", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    mon: Mapped[int] = mapped_column(Integer, nullable=False)
    tue: Mapped[int] = mapped_column(Integer, nullable=False)
    wed: Mapped[int] = mapped_column(Integer, nullable=False)
    thu: Mapped[int] = mapped_column(Integer, nullable=False)
    fri: Mapped[int] = mapped_column(Integer, nullable=False)
    sat: Mapped[int] = mapped_column(Integer, nullable=False)
    sun: Mapped[int] = mapped_column(Integer, nullable=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = created_at_column()

    @property
    def week(self) -> tuple[int, int, int, int, int, int, int]:
        return (self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun)


class Absence(Base):
    __tablename__ = "absences"
    __table_args__ = (Index("ix_absences_employee_from", "employee_id", "date_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    date_from: Mapped[date] = mapped_column(Date, nullable=False)
    date_to: Mapped[date] = mapped_column(Date, nullable=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = created_at_column()


class HolidayOverride(Base):
    """An admin's change to the country calendar: kind "add" makes a day a holiday,
    "remove" makes a country holiday a working day."""

    __tablename__ = "holiday_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    created_at: Mapped[datetime] = created_at_column()
