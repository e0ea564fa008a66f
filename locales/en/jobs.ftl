# Scheduled jobs: /jobs, `python -m jobs`, and the messages the jobs send.

jobs-title = Scheduled jobs (times in { $tz }):
jobs-name-lag-alerts = Lag alerts
jobs-name-log-reminders = Reminders to log time
jobs-name-payroll-summary = Payroll summary
jobs-line = { $title } ({ $name }) — { $when }
jobs-when-daily = working days at { $time }
jobs-when-monthly = day { $day } of each month at { $time }, for the month before
jobs-next = Next run: { $at }
jobs-last = Last run: { $at }, { $period }, { $trigger } — { $status }: sent { $sent }, already sent { $skipped }, not delivered { $failed }
jobs-last-none = Last run: never
jobs-trigger-schedule = on schedule
jobs-trigger-catchup = made up after downtime
jobs-trigger-manual = by hand
jobs-status-running = running or cut off
jobs-status-done = done
jobs-status-partial = partly delivered
jobs-status-failed = failed
jobs-status-interrupted = interrupted
jobs-run-hint = Run one now: /jobs run lag_alerts · /jobs run log_reminders · /jobs run payroll_summary 2026-02
jobs-run-result =
    { $title } for { $period }: { $status }.
    Sent: { $sent }. Already sent before, skipped: { $skipped }. Not delivered: { $failed }.
jobs-run-nothing-new = Nothing new was sent: everyone had already got theirs.
jobs-run-nobody = Nobody needed a message.
jobs-run-failed = The job broke off: the details are in the bot's log. What was sent stays sent; run it again when the cause is fixed.
jobs-run-unreachable = Unreachable (blocked the bot): { $people }
jobs-run-retry = What was not delivered will be tried again by the next run: /jobs run { $name }{ $period }
jobs-run-busy = { $title } for { $period } is being run by another copy of the bot right now (its lease ends at { $until } at the latest). Try again in a minute.
jobs-cli-waiting = Waiting up to { $seconds } s for that run to end or for its lease to expire…
jobs-unavailable = Scheduled jobs are not set up in this copy of the bot.
jobs-unreachable =
    { $job }: the bot could not write to these people — they blocked it:
    { $people }
    They get nothing from the bot until they unblock it.

jobs-lag-own-title = Your tasks behind plan, { $date }:
jobs-lag-digest-title = Tasks behind plan in your groups, { $date }:
jobs-lag-chat-title = Tasks behind plan in { $groups }, { $date }:
jobs-lag-group = Group { $group }:
jobs-lag-person = { $person }:
jobs-lag-task =
    #{ $id } { $title } — behind by { $lag } h, that is { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; deadline { $deadline }
jobs-lag-task-late =
    #{ $id } { $title } — behind by { $lag } h, that is { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; deadline { $deadline }, finishes { $late ->
        [one] { $late } working day
       *[other] { $late } working days
    } late, { $finish }
jobs-lag-task-beyond = #{ $id } { $title } — behind by { $lag } h, deadline { $deadline }, no finish in sight at the current pace
jobs-lag-own-footer = Log your hours: /log 2h #{ $id } · all your tasks: /tasks
jobs-lag-digest-footer = Details: /plan

jobs-remind-text = You have logged { $logged } of { $capacity } today. Log the rest, for example: /log { $rest } #{ $id } what was done
jobs-remind-text-general = You have logged { $logged } of { $capacity } today. Log the rest, for example: /log { $rest } what was done
jobs-remind-buttons = Or tap a button below: the time is logged, with no comment, on the day the button names.
jobs-remind-button = #{ $id } +{ $duration }

err-jobs-usage = Format: /jobs, or /jobs run NAME [YYYY-MM]. Jobs: lag_alerts, log_reminders, payroll_summary. For example: /jobs run payroll_summary 2026-02
err-jobs-unknown = There is no job “{ $name }”. Jobs: { $names }. For example: /jobs run lag_alerts
err-jobs-period-daily = { $name } always runs for today and takes no month: /jobs run { $name }
err-jobs-period-format = “{ $period }” is not a month: write YYYY-MM, for example: /jobs run payroll_summary 2026-02
err-jobs-period-open = { $period } is not over yet: the payroll summary is sent for a finished month, for example: /jobs run payroll_summary
jobs-name-week-approval = Weekly approval
jobs-when-weekly = the first working day of a week at { $time }, for the week before
jobs-when-off = off (WEEK_APPROVAL=off)
jobs-remind-day = { $weekday } { $day } — { $rest }
jobs-remind-short-days = Earlier days of the week are short too: { $days }.
jobs-remind-timer = The timer on task #{ $id } is still running: if the work is done, stop it with the button below or /stop.
remind-state-on = Reminders to log time are on. Turn them off: /remind off
remind-state-off = Reminders to log time are off. Turn them on: /remind on
remind-on = Reminders are on: on working-day evenings the bot reminds you of unlogged hours.
remind-off = Reminders are off. Turn them on again: /remind on
err-remind-usage = Format: /remind on or /remind off.
jobs-nolog-title = Logged nothing on { $date }:
jobs-nolog-line = • { $person }
