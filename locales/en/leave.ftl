# Leave, hours balance, weekly approval, reminders and long timers.

# /leave: leave requests
leave-sent = Request #{ $id } sent: { $line }. To be decided by: { $deciders }. Your requests: /leave
leave-sick-registered = Sick leave recorded: { $line }. Your manager has been told: { $deciders }. Get well soon!
leave-ask = Leave request: { $person } — { $line }.
leave-sick-notice = Sick leave: { $person } — { $line }. Already in the calendar, no decision needed.
leave-comment-line = Comment: { $comment }
btn-leave-approve = ✅ Approve
btn-leave-decline = ❌ Decline
leave-approved-you = Approved: { $person } — { $line }. Recorded in the calendar.
leave-approved-notify = Request approved: { $line }. Decided by { $decider }. In your calendar: /schedule
leave-decline-ask = Declining: { $person } — { $line }. Send the reason in one message (or “cancel”).
leave-declined-you = Declined: { $person } — { $line }. Reason: { $reason }
leave-declined-notify = Request declined: { $line }. Reason: { $reason } ({ $decider })
leave-list-title = Your leave requests:
leave-list-none = No requests yet. For example: /leave vacation 16.03 20.03 family trip
leave-list-line = #{ $id } { $line } — { $status }
leave-status-pending = waiting for a decision
leave-status-approved = approved
leave-status-declined = declined: { $reason }
leave-status-registered = recorded
err-leave-usage = Format: /leave vacation|dayoff|sick FROM [TO] [comment]. For example: /leave vacation 16.03 20.03 family trip, /leave dayoff 2026-03-20
err-leave-kind = “{ $kind }” is not a kind of leave: vacation (отпуск), dayoff (отгул) or sick (больничный). For example: /leave dayoff 20.03
err-leave-date = “{ $value }” is not a date. Dates: today, tomorrow, 20.03, 20.03.2026 or 2026-03-20. For example: /leave vacation 16.03 20.03
err-leave-order = The end ({ $last }) is before the start ({ $first }). For example: /leave vacation 16.03 20.03
err-leave-too-long = Too long: { $days } days, at most { $max } in one request. Split it into several requests.
err-leave-far = The dates { $first } – { $last } are too far: at most a year back and two years ahead.
err-leave-past-vacation = A vacation cannot start in the past ({ $first }; today is { $today }). For example: /leave vacation 16.03 20.03
err-leave-comment = The comment is too long or has unprintable characters (at most { $max } characters).
err-leave-locked = Month { $month } is closed: its payroll was sent. Only an admin can record an absence in it.
err-leave-overlap-absence = An absence is already recorded on these days: { $first } – { $last }. See: /schedule
err-leave-overlap-request = A request for these days is already waiting for a decision: { $first } – { $last }. See: /leave
err-leave-not-yours = Only the lead manager of the person's group or an admin decides on this request.
err-leave-already-approved = The request is already approved — nothing changed.
err-leave-already-declined = The request is already declined — nothing changed.
err-leave-already-registered = The sick leave is already recorded — no decision needed.
err-leave-reason = Send the reason as text (at most { $max } characters) or “cancel”.
# /balance: hours worked minus norm
balance-title = Hours balance: { $person }
balance-month = { $month }: worked { $worked } of { $norm } ({ $diff }), running { $running }
balance-total-over = Since { $start }: { $total } — overtime.
balance-total-under = Since { $start }: { $total } — undertime.
balance-total-even = Since { $start }: 0 — exactly the norm.
balance-no-schedule = No schedule: there is no norm to count against. An admin sets it with /schedule.
balance-list-title = Hours balance on { $date }:
balance-group-title = Hours balance of group { $group } on { $date }:
balance-line = { $person }: { $total } ({ $month }: { $diff })
balance-line-none = { $person }: no schedule
balance-list-empty = Nobody here.
balance-list-hint = Month by month: /balance @username or /balance e5
me-balance = Hours balance: { $total } (details: /balance)
err-balance-usage = Format: /balance, /balance @ivan, /balance e5 or /balance backend
err-balance-denied = The balance of { $person } is not available to you: a manager sees the people of their groups, an admin everyone.
err-balance-group-denied = Group { $name } has another lead manager: its balance is not available to you.
# weekly approval of hours
week-title = Week { $first } – { $last }: worked { $logged } of { $norm }.
week-day = { $weekday } { $day }: { $logged } of { $capacity }
week-day-no-schedule = { $weekday } { $day }: { $logged } (no schedule)
week-submit-hint = If it is right, submit the week for approval. Until it is approved you can still correct it: /log, /undo.
btn-week-submit = 📤 Submit for approval
week-submitted = Week { $first } – { $last } submitted for approval. To be decided by: { $deciders }.
week-submitted-notice = Week { $first } – { $last } submitted: { $person }, worked { $logged } of { $norm }.
week-digest-title = Hours to approve for the week { $first } – { $last }:
week-digest-line = { $person }: { $logged } of { $norm } — { $state }
week-state-open = not submitted
week-state-submitted = submitted
week-state-returned = returned for corrections
week-state-approved = approved
week-digest-not-submitted = Not submitted yet: { $people }
week-digest-footer = Buttons below: approve or return each person's week (with a comment). An approved week is closed to changes.
btn-week-approve = ✅ Approve { $code }
btn-week-return = ↩ Return { $code }
week-approved-you = Week { $first } – { $last } approved: { $person }. Its entries are closed.
week-approved-notify = Week { $first } – { $last } approved ({ $decider }). Its entries can no longer change.
week-return-ask = Returning the week { $first } – { $last }: { $person }. Send what to correct in one message (or “cancel”).
week-returned-you = Week { $first } – { $last } returned: { $person }.
week-returned-notify =
    Week { $first } – { $last } returned ({ $decider }): { $comment }
    Correct the hours and submit the week again.
err-week-already-submitted = The week from { $first } is already submitted and waiting — nothing changed.
err-week-already-approved = The week from { $first } is already approved — nothing changed.
err-week-not-yours = Only the lead manager of the person's group or an admin approves this week.
err-week-comment = Send the comment as text (at most 1000 characters) or “cancel”.

# timelog: approved weeks, long timers
err-log-week-locked = Week { $first } – { $last } is approved: its entries are closed. Only an admin can change them.
# a timer left running past the working day
timer-watch-text = The timer on task #{ $id } has been running for { $duration } — longer than your working day. Stop it?
btn-watch-now = ⏹ Stop now ({ $duration })
btn-watch-end-of-day = ⏹ Stop at the end of the working day ({ $duration })

# /help lines and the command menu
help-leave = leave: /leave vacation 16.03 20.03 trip, /leave dayoff tomorrow, /leave sick today; /leave — my requests
help-balance = hours balance (overtime/undertime) by month; a manager: /balance @ivan or /balance backend
help-remind = the evening reminder to log time: /remind off, /remind on
cmd-leave = Vacation, day off, sick leave
cmd-balance = Hours balance
cmd-remind = Time reminders
