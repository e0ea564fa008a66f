
calendar-weekdays = Mon Tue Wed Thu Fri Sat Sun
calendar-hours = { $hours } h
absence-vacation = vacation
absence-sick = sick leave
absence-dayoff = day off

schedule-title = Working schedule: { $person }
schedule-week = { $days } — { $total } h a week
schedule-from = from { $date }: { $week }
schedule-none = No schedule set: hours and plans are not computed for this person. An admin sets it like this: /schedule { $code } 8 8 8 8 8 0 0
schedule-upcoming = Next schedules:
absences-title = Absences:
absences-none = No absences ahead.
absence-line =
    { $kind }: { $first } – { $last }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
schedule-week-title = This week ({ $first } – { $last }): { $total } h
schedule-week-no-schedule = no schedule
schedule-week-reason-holiday = (holiday)
schedule-week-reason-vacation = (vacation)
schedule-week-reason-sick = (sick leave)
schedule-week-reason-dayoff = (day off)

schedule-set = Schedule of { $person } from { $date }: { $week }.
schedule-replaced = Schedule of { $person } from { $date } replaced: { $week }.
schedule-notify = Your working schedule from { $date }: { $week }. See it: /schedule

absence-set = Recorded: { $person } — { $absence }.
absence-changed = Changed: { $person } — { $absence }.
absence-removed = Absence removed: { $person } — { $absence }.
absence-notify = An absence was recorded for you: { $absence }. Your schedule: /schedule
absence-removed-notify = Your absence was removed: { $absence }. Your schedule: /schedule
absence-list-title = Absences (current and coming): { $person }
absence-list-empty = { $person } has no current or coming absences. Record one: /absence { $code } vacation 2026-04-06 2026-04-17
absence-list-hint = Remove a mistaken one: /absence { $code } remove DATE (any day inside it).

holidays-title = Holidays { $year } ({ $country }):
holidays-empty = No holidays.
holidays-hint = Add: /holiday add 2026-12-30 Company day · make a working day: /holiday remove 2026-12-31 · an hour shorter: /holiday short 2026-12-30 · a working Saturday: /holiday workday 2026-12-26
holiday-no-name = day off
holiday-mark-add = (added)
holiday-mark-remove = (removed: a working day)
holiday-added = { $day } is a holiday: { $name }.
holiday-restored = { $day } is a holiday again: { $name }.
holiday-already-holiday = { $day } is already a holiday: { $name }. Nothing changed.
holiday-removed = { $day } is now a normal working day.
holiday-already-working = { $day } has already been made a working day. Nothing changed.

err-schedule-usage = Format: /schedule PERSON H H H H H H H [from YYYY-MM-DD] — hours for Monday to Sunday, for example: /schedule @ivan 8 8 8 8 7.5 0 0 from 2026-04-01
err-schedule-hours = «{ $value }» is not a number of hours: 0 to 24 a day, a fraction with a dot or comma. For example: /schedule @ivan 8 8 8 8 7.5 0 0
err-schedule-admin-only = Schedules are set by an administrator. Your schedule: /schedule
err-calendar-date = «{ $value }» is not a date. Write DD.MM, DD.MM.YYYY or YYYY-MM-DD, for example: 01.04 or 2026-04-01
err-calendar-date-range = The date { $value } is too far off: dates from { $first } to { $last } are accepted, for example: 2026-04-01
err-calendar-not-staff = { $person }: an external representative or deactivated — no working calendar. Staff: /team
err-absence-usage = Format: /absence PERSON vacation|sick|dayoff FROM [TO] or /absence PERSON remove DATE, for example: /absence @ivan vacation 2026-04-06 2026-04-17
err-absence-kind = There is no absence kind «{ $token }». Kinds: vacation, sick, dayoff; to take one back: remove. For example: /absence @ivan sick 12.03
err-absence-order = The end { $last } is before the start { $first }. For example: /absence @ivan vacation 2026-04-06 2026-04-17
err-absence-too-long =
    An absence lasts at most { $max ->
        [one] { $max } day
       *[other] { $max } days
    }, this one { $days }. Split it, for example: /absence @ivan vacation 2026-04-06 2026-04-17
err-absence-overlap = { $person } is already absent { $first } – { $last } on these days. Remove that first: /absence { $number } remove { $remove }
err-absence-none = { $person } has no absence on { $day }. Their absences: /absence { $number }
err-holiday-usage = Format: /holiday add|remove|short|workday YYYY-MM-DD [NAME] or /holiday [YEAR], for example: /holiday add 2026-12-30 Company day, /holiday short 2026-12-30
err-holiday-name = The name is too long: { $length } characters, at most { $max }. For example: /holiday add 2026-12-30 Company day
err-holiday-not-holiday = { $day } is not a holiday: nothing to remove. The list: /holiday
err-holiday-year = The year must be from { $first } to { $last }, for example: /holiday 2026
holiday-kind-short = short day (an hour shorter)
holiday-kind-workday = working day
holiday-shortened = { $day } is a short day: an hour shorter on everyone's schedule.
holiday-already-short = { $day } is already a short day. Nothing changed.
holiday-workday = { $day } is a working day: the hours of each schedule's Monday.
holiday-already-workday = { $day } is already a working day. Nothing changed.
holiday-cleared = { $day }: the correction is undone, the day is as in the production calendar again.
holiday-ordinary = { $day } is now an ordinary day of its week: not shortened, not transferred.
err-holiday-action = Unknown action «{ $token }»: write add, remove, short or workday, for example: /holiday add 2026-12-30 Company day, /holiday remove 2026-03-09 or /holiday short 2026-12-30
