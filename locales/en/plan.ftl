
plan-title-all = Plan on { $date }: all groups
plan-title-led = Plan on { $date }: your groups
plan-title-group = Plan on { $date }: group { $name }
plan-title-person = Plan on { $date }: { $name }
plan-people = People (open tasks, lag, overload):
plan-person = • { $person }: open tasks: { $tasks }, lag { $lag } h, overload { $overload }
plan-hours = { $hours } h
plan-overload-unknown = unknown (no schedule)
plan-person-no-schedule = , no schedule: { $count }
plan-tasks = Tasks, worst first:
plan-task-head = #{ $id } { $title } — { $person }
plan-nobody = nobody assigned
plan-task-ok =
    {"   "}planned { $planned } h, logged { $logged } h, lag { $lag } h, that is { $lag_days ->
        [one] { $lag_days } day
       *[other] { $lag_days } days
    }; deadline { $deadline }, { $late }
plan-late =
    forecast { $forecast }, { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } late
plan-on-time = forecast { $forecast }, on time
plan-late-unknown = forecast { $forecast }, after the deadline
plan-forecast-beyond = forecast: more than 2 years away
plan-task-no-schedule = {"   "}no schedule: the assignee has no working schedule for the task's dates, so no plan (/schedule)
plan-task-untracked = {"   "}not tracked (no estimate or deadline), logged { $logged } h
plan-task-untracked-forecast = , forecast { $forecast }
plan-task-unassigned = {"   "}nobody assigned: /assign
plan-page = Page { $page } of { $pages }
plan-empty =
    { $title }
    No open tasks.
plan-csv-caption = { $title } — open tasks: { $count }
plan-chart-planned = Planned
plan-chart-logged = Logged
plan-chart-lag = Lag
plan-chart-lag-value = lag { $hours }
plan-chart-hours = Hours

err-plan-usage = Format: /plan [GROUP|@user|eN] [csv], for example: /plan backend or /plan @ivan csv
err-plan-denied = Plans are for project managers and administrators.
err-plan-no-groups = You lead no development group, so there is nothing to show. Groups: /groups
err-plan-not-yours = «{ $ref }»: no such group or person in your groups. Your groups: /groups. For example: /plan backend
err-plan-unknown = No group or person «{ $ref }». Groups: /groups, people: /team. For example: /plan backend
err-plan-stale = This button is out of date: send /plan again.
