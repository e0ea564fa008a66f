# /hours: a day's entries, editing and deleting them; /timesheet csv

hours-title-person = Hours of { $person } from { $first } to { $last }:
hours-day-button = { $day } · { $logged }
hours-day-title = { $day }: { $logged }. Entries:
hours-day-title-person = { $person }, { $day }: { $logged }. Entries:
hours-day-empty = No entries on this day.
hours-entry-general = general work
hours-entry-edit = Entry of { $day }: { $entry }. What to change?
hours-entry-delete-ask = Delete the entry { $entry }?
hours-ask-duration = How long should it be? Pick or type, e.g. 2h 30m. To leave: /cancel
hours-ask-task = Which task should the entry go to?
hours-ask-date = Which date should the entry move to? E.g. yesterday, 09.03 or 2026-03-09. To leave: /cancel
hours-ask-comment = Type the entry's new comment. To leave: /cancel
hours-entry-deleted = Entry deleted.
hours-entry-changed = Entry changed.
hours-entry-changed-to = Entry changed; it is now on { $day }.
btn-entry-edit = ✏️ Edit { $n }
btn-entry-delete = 🗑 Delete { $n }
btn-entry-delete-yes = Yes, delete
btn-entry-duration = Duration
btn-entry-task = Task
btn-entry-date = Date
btn-entry-comment = Comment
btn-entry-general = General work
btn-hours-back = ← Back
err-hours-own-only = You can see only your own hours: /hours, /hours month.
err-hours-not-yours = { $person } is not in your groups: their hours are not yours to see. Your groups: /groups
err-entry-gone = This entry does not exist or is not yours to change. Open your hours again: /hours
err-entry-task-denied = The entry cannot go to task #{ $id }: time on it is logged by its assignee and tester (and the group's manager).
err-entry-comment-long = A comment holds up to { $max } characters and no control characters. Type it again or leave: /cancel
err-hours-duration-bad = "{ $value }" is not a duration. E.g. 2h 30m, 90min, 1.5. To leave: /cancel
err-hours-date-bad = "{ $value }" is not a date. E.g. yesterday, 09.03 or 2026-03-09. To leave: /cancel

timesheet-caption = Entries of { $month }: { $title }, { $count } rows.
timesheet-all = everyone
timesheet-groups = your groups and you
timesheet-own = your entries
timesheet-empty = No entries in { $month }: { $title }.
err-timesheet-usage = Use: /timesheet csv, /timesheet 2026-03 csv, /timesheet backend csv or /timesheet @ivan 2026-03 csv.
err-timesheet-own-only = You can export only your own entries: /timesheet csv or /timesheet 2026-03 csv.
err-timesheet-not-yours = "{ $ref }" is no group or person of your groups. Your groups: /groups
err-timesheet-future = Month { $month } has not started yet. E.g. /timesheet csv

help-hours-lead = hours by day, entries editable: /hours, /hours @ivan month, /hours e5 2026-03
help-timesheet = my entries of a month as CSV: /timesheet csv, /timesheet 2026-03 csv
help-timesheet-lead = a month's entries as CSV: /timesheet backend csv, /timesheet @ivan 2026-03 csv
cmd-timesheet = Entries as CSV
