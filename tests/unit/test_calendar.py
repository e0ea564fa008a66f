from datetime import date

from services.calendar import Calendar, Holidays

EIGHT = (480, 480, 480, 480, 480, 0, 0)


def test_capacity_follows_schedule_holidays_and_absences() -> None:
    cal = Calendar(holidays=Holidays(country="RU"))
    cal.add_schedule(1, date(2026, 3, 2), EIGHT)
    cal.add_absence(1, date(2026, 3, 10), date(2026, 3, 11), "sick")
    assert cal.capacity(1, date(2026, 3, 1)) is None  # before any schedule
    assert cal.capacity(1, date(2026, 3, 2)) == 480
    assert cal.capacity(1, date(2026, 3, 7)) == 0  # Saturday
    assert cal.capacity(1, date(2026, 3, 9)) == 0  # RU: the 8 March holiday moves to Monday
    assert cal.capacity(1, date(2026, 3, 10)) == 0  # sick
    assert cal.capacity(1, date(2026, 3, 12)) == 480
    assert cal.capacity(2, date(2026, 3, 12)) is None  # nobody else has a schedule


def test_latest_schedule_applies_and_overrides_change_holidays() -> None:
    cal = Calendar(
        holidays=Holidays(
            country="RU", overrides={date(2026, 3, 13): "add", date(2026, 3, 9): "remove"}
        )
    )
    cal.add_schedule(1, date(2026, 3, 2), EIGHT)
    cal.add_schedule(1, date(2026, 3, 9), (240,) * 5 + (0, 0))
    assert cal.capacity(1, date(2026, 3, 6)) == 480
    assert cal.capacity(1, date(2026, 3, 9)) == 240  # a removed holiday is a working day
    assert cal.capacity(1, date(2026, 3, 13)) == 0  # an added holiday
    assert cal.scheduled_minutes(1, date(2026, 3, 1), date(2026, 3, 13)) == 5 * 480 + 4 * 240


def test_working_days() -> None:
    h = Holidays(country="RU")
    assert h.is_working_day(date(2026, 3, 11))
    assert not h.is_working_day(date(2026, 3, 14))
    assert not h.is_working_day(date(2026, 1, 2))
    assert Holidays(country="").is_working_day(date(2026, 1, 2))
