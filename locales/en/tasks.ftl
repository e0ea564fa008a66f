status-new = new
status-in_progress = in progress
status-review = in review
status-done = done
status-cancelled = cancelled
priority-low = low
priority-normal = normal
priority-high = high

task-logged-no-estimate = logged { $logged }, no estimate
task-logged-of = logged { $logged } of { $estimate }
task-line-deadline = due { $date }
task-line-testing = you test it
task-line-lag = behind by { $lag } h
task-card-outlook = Plan: { $planned } h by today, behind by { $lag } h; { $forecast }
task-card-status = Status: { $status } · group { $group } · priority { $priority }
task-card-people =
    Author: { $author }
    Assignee: { $assignee }
    Tester: { $tester }
task-card-dates = Start: { $start } · deadline: { $deadline }
task-card-comments = Latest comments:
task-card-comment = — { $author }: { $text }
task-card-returned = — { $author } (returned): { $text }
task-card-cancel-reason = — { $author } (cancelled because): { $text }
task-started = Task #{ $id } is now in progress.

tasks-title = Your open tasks ({ $count }):
tasks-empty = You have no open tasks.
tasks-groups-title = Open tasks of your groups ({ $count }):
tasks-groups-empty = Your groups have no open tasks.
review-empty = No tasks are waiting for your review.
review-title = Waiting for your review ({ $count }):
comment-added = Comment added to task #{ $id }.
assign-done = #{ $id } "{ $title }": assigned to { $person }.
cancel-done = Task #{ $id } "{ $title }" cancelled.
review-sent = Task #{ $id } sent to review.
accept-done = Task #{ $id } accepted: done.
return-ask = What should be fixed in task #{ $id } "{ $title }"? Send the comment as one message.
return-done = Task #{ $id } returned; the assignee got your comment.
newtask-created = Task #{ $id } created.

dialog-cancelled = Cancelled.
dialog-title = New task. What is its title? Send it as one message.
dialog-group = Which group is the task for?
dialog-assignee = Who does it? Pick a button or send @username or a number (e12).
dialog-estimate = Estimate? Pick one or type it, e.g. 6h, 1.5h, 90m.
dialog-deadline = Deadline? Pick one or type a date: 2026-03-20, 20.03, tomorrow, or start and deadline: 12.03..20.03.
dialog-tester = Who tests it? Pick a button or send @username; without a tester the group's manager reviews it.
dialog-in-days-1 = tomorrow
dialog-in-days-3 = in 3 days
dialog-in-days-7 = in a week
dialog-in-days-14 = in 2 weeks
dialog-summary =
    Check the task:
    "{ $title }"
    Group: { $group }
    Assignee: { $assignee }
    Tester: { $tester }
    Estimate: { $estimate }
    Deadline: { $deadline }
    Priority: { $priority }

btn-cancel = ✖ Cancel
btn-skip = Skip
btn-create = ✅ Create
btn-priority = Priority ↻
btn-open = Open #{ $id }
btn-accept = ✅ Accept
btn-return = ↩ Return
btn-accept-n = ✅ Accept #{ $id }
btn-return-n = ↩ Return #{ $id }
btn-review = 📤 Send to review
btn-timer-start = ▶ Start timer
btn-timer-stop = ⏹ Stop timer
btn-log = +{ $duration }

note-assigned = Task #{ $id } "{ $title }" is assigned to you — { $actor }.
note-unassigned = Task #{ $id } "{ $title }" was given to someone else — { $actor }.
note-review = Task #{ $id } "{ $title }" is waiting for your review — { $actor }.
note-done = Task #{ $id } "{ $title }" was accepted: done — { $actor }.
note-returned =
    Task #{ $id } "{ $title }" was returned — { $actor }:
    { $comment }
note-cancelled = Task #{ $id } "{ $title }" was cancelled — { $actor }.
note-comment =
    Comment on task #{ $id } "{ $title }" from { $actor }:
    { $comment }

err-task-ref = "{ $ref }" is not a task number. Use a number such as 12 or #12.
err-task-not-found = Task #{ $id } not found. Your tasks: /tasks
err-task-closed = Task #{ $id } is already closed (done or cancelled): nothing more can be done with it.
err-task-not-manager = Only the manager of its group or an admin can assign or cancel task #{ $id }.
err-task-not-reviewer = Task #{ $id } is reviewed by its tester, or with no tester by the group's manager or an admin.
err-task-not-in-review = Task #{ $id } is not in review: only a task in review can be accepted or returned.
err-task-not-assignee = Only the assignee can send task #{ $id } to review.
err-task-already-review = Task #{ $id } is already in review.
err-task-already-assignee = { $person } is already the assignee of task #{ $id }.
err-task-tester-is-assignee = { $person } cannot be both the assignee and the tester of a task.
err-task-person-role = { $person } cannot be given a task: it takes an active, listed programmer or tester (/team).
err-task-tester-role = { $person } cannot test a task: it takes an active, listed programmer or tester (/team).
err-task-person-group = { $person } is not in group { $group }. Pick a member of the group (/groups).
err-task-usage = Usage: /task NUMBER, e.g. /task 12
err-comment-usage = Usage: /comment NUMBER TEXT, e.g. /comment 12 checked on staging, works
err-comment-text = A comment is non-empty text of up to { $max } characters, e.g. /comment 12 ready for review
err-return-comment = Write what to fix: non-empty text of up to { $max } characters, e.g. "login fails on an empty password".
err-assign-usage = Usage: /assign NUMBER PERSON, e.g. /assign 12 @ivan
err-cancel-usage = Usage: /cancel NUMBER [reason], e.g. /cancel 12 the client changed their mind
err-newtask-usage = Usage: /newtask TITLE | PERSON | ESTIMATE | [START..]DEADLINE | TESTER | GROUP; fields after the title may be left out, e.g. /newtask Fix login | @ivan | 6h | 20.03 | @olga | backend
err-newtask-title-empty = A task needs a title, e.g. /newtask Fix login | @ivan | 6h | 20.03
err-newtask-title = The title is one line of up to { $max } characters, e.g. Fix login
err-newtask-estimate = Estimate "{ $value }" does not work: a duration above 0 and up to { $max } h, e.g. 6h, 1.5h, 90m, 2h30m.
err-newtask-date = Date "{ $value }" does not work. E.g. 2026-03-20, 20.03, 20.03.2026, tomorrow; start and deadline: 12.03..20.03.
err-newtask-priority = No such priority: "{ $value }". Priorities: low, normal, high.
err-newtask-no-group = Could not pick a group: give a group you lead that the assignee is in, e.g. /newtask Fix login | @ivan | 6h | 20.03 | | backend
err-newtask-no-groups = You lead no group, so you cannot create tasks. Groups: /groups
err-newtask-group-not-led = You do not lead group { $group }: tasks can be created only in your groups.
err-newtask-deadline-before-start = The deadline { $deadline } is before the start { $start }. E.g. 12.03..20.03
err-newtask-deadline-past = The deadline { $deadline } has passed. Give a future date, e.g. tomorrow or 2026-12-31.
err-dialog-stale = This button no longer works. Start again: /newtask or /tasks
err-newtask-window-too-long = The deadline { $deadline } is more than { $years } years after the start { $start }: no plan is made over such a span. Give a nearer deadline, e.g. { $example }
