help-edit = change a task: /edit 12 deadline 27.03 (title, description, estimate, start, deadline, tester, priority, group)

edit-done = Task #{ $id }: { $field } changed.
edit-field-title = title
edit-field-description = description
edit-field-estimate = estimate
edit-field-start = start
edit-field-deadline = deadline
edit-field-tester = tester
edit-field-priority = priority
edit-field-group = group
edit-date = { $date }

err-edit-usage = Usage: /edit NUMBER FIELD VALUE, e.g. /edit 12 deadline 27.03. Fields: title, description, estimate, start, deadline, tester, priority, group; "-" removes the tester, deadline, estimate or description: /edit 12 tester -
err-edit-field = No such field: "{ $token }". Fields: title, description, estimate, start, deadline, tester, priority, group, e.g. /edit 12 estimate 6h
err-edit-priority = No such priority: "{ $token }". Priorities: low, normal, high, e.g. /edit 12 priority high
err-edit-not-manager = Only the manager of its group or an admin can change task #{ $id }.
err-edit-unchanged = Task #{ $id } already has this value: nothing changed.
err-edit-group-not-led = You do not lead group { $group }: a task can move only to a group you lead.
err-edit-description = A description is text of up to { $max } characters.

task-card-history = Changes:
task-card-history-edit = — { $when } { $actor }: { $field } { $old } → { $new }
task-card-history-assigned = — { $when } { $actor }: assignee { $person }
task-card-history-status = — { $when } { $actor }: { $status }

note-edit-title = Task #{ $id } was renamed "{ $value }" — { $actor }.
note-edit-description = The description of task #{ $id } "{ $title }" changed — { $actor }.
note-edit-estimate = Task #{ $id } "{ $title }": estimate now { $value } h — { $actor }.
note-edit-start = Task #{ $id } "{ $title }": start now { $value } — { $actor }.
note-edit-deadline = Task #{ $id } "{ $title }": deadline now { $value } — { $actor }.
note-edit-tester = Task #{ $id } "{ $title }": tester now { $value } — { $actor }.
note-edit-priority = Task #{ $id } "{ $title }": priority now { $value ->
    [low] low
    [high] high
   *[other] normal
} — { $actor }.
note-edit-group = Task #{ $id } "{ $title }" moved to group { $value } — { $actor }.
note-edit-tester-you = You test task #{ $id } "{ $title }" now — { $actor }.
note-edit-tester-off = You no longer test task #{ $id } "{ $title }" — { $actor }.

btn-edit-reassign = 👤 Reassign
btn-edit-deadline = 📅 Deadline
btn-edit-estimate = ⏱ Estimate
btn-edit-tester = 🔍 Tester
btn-edit-priority = ⚡ Priority
btn-edit-cancel = ✖ Cancel task
btn-comment = 💬 Comment
btn-edit-back = ← Back
btn-edit-no-tester = No tester
btn-edit-plus-days = { $days ->
    [1] +1 day ({ $date })
   *[other] +{ $days } days ({ $date })
}
btn-edit-type-date = Type a date
btn-edit-type-estimate = Type an estimate
btn-edit-cancel-yes = Yes, cancel the task
btn-edit-reassign-n = Reassign #{ $id }

edit-pick-assignee = #{ $id } "{ $title }": who does it now?
edit-pick-tester = #{ $id } "{ $title }": who tests it?
edit-pick-priority = #{ $id } "{ $title }": which priority?
edit-pick-deadline = #{ $id } "{ $title }": new deadline?
edit-pick-estimate = #{ $id } "{ $title }": new estimate?
edit-pick-cancel = Cancel task #{ $id } "{ $title }"? The assignee and the tester will be told.
edit-ask-deadline = #{ $id } "{ $title }": send the new deadline, e.g. 27.03 or 2026-03-27. /cancel leaves.
edit-ask-estimate = #{ $id } "{ $title }": send the new estimate, e.g. 6h, 1.5h, 90m. /cancel leaves.
edit-ask-comment = #{ $id } "{ $title }": send your comment as one message. /cancel leaves.

people-open-tasks = Their open tasks ({ $count }) — give them to someone else:
