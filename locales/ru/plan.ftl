
plan-title-all = План на { $date }: все группы
plan-title-led = План на { $date }: ваши группы
plan-title-group = План на { $date }: группа { $name }
plan-title-person = План на { $date }: { $name }
plan-people = Люди (открытые задачи, отставание, перегрузка):
plan-person = • { $person }: задач { $tasks }, отставание { $lag } ч, перегрузка { $overload }
plan-hours = { $hours } ч
plan-overload-unknown = неизвестна (нет графика)
plan-person-no-schedule = , без графика: { $count }
plan-tasks = Задачи, сначала худшие:
plan-task-head = #{ $id } { $title } — { $person }
plan-nobody = без исполнителя
plan-task-ok =
    {"   "}план { $planned } ч, сделано { $logged } ч, отставание { $lag } ч, это { $lag_days ->
        [one] { $lag_days } день
        [few] { $lag_days } дня
        [many] { $lag_days } дней
       *[other] { $lag_days } дня
    }; срок { $deadline }, { $late }
plan-late =
    прогноз { $forecast }, опоздание на { $days ->
        [one] { $days } рабочий день
        [few] { $days } рабочих дня
        [many] { $days } рабочих дней
       *[other] { $days } рабочих дня
    }
plan-on-time = прогноз { $forecast }, в срок
plan-late-unknown = прогноз { $forecast }, позже срока
plan-forecast-beyond = прогноз: позже чем через 2 года
plan-task-no-schedule = {"   "}без графика: на сроки задачи у исполнителя нет рабочего графика, план не считается (/schedule)
plan-task-untracked = {"   "}не отслеживается (нет оценки или срока), сделано { $logged } ч
plan-task-untracked-forecast = , прогноз { $forecast }
plan-task-unassigned = {"   "}исполнитель не назначен: /assign
plan-page = Стр. { $page } из { $pages }
plan-empty =
    { $title }
    Открытых задач нет.
plan-csv-caption = { $title }: задач { $count }
plan-chart-planned = План
plan-chart-logged = Сделано
plan-chart-lag = Отставание
plan-chart-lag-value = отставание { $hours }
plan-chart-hours = Часы

err-plan-usage = Формат: /plan [ГРУППА|@user|eN] [csv], например: /plan backend или /plan @ivan csv
err-plan-denied = План доступен руководителям проектов и администраторам.
err-plan-no-groups = Вы не руководите ни одной группой разработки — показывать нечего. Группы: /groups
err-plan-not-yours = «{ $ref }» — нет такой группы или сотрудника среди ваших групп. Ваши группы: /groups. Например: /plan backend
err-plan-unknown = Нет группы или сотрудника «{ $ref }». Группы: /groups, сотрудники: /team. Например: /plan backend
err-plan-stale = Эта кнопка устарела: отправьте /plan ещё раз.
