
calendar-weekdays = Пн Вт Ср Чт Пт Сб Вс
calendar-hours = { $hours } ч
absence-vacation = отпуск
absence-sick = больничный
absence-dayoff = отгул

schedule-title = Рабочий график: { $person }
schedule-week = { $days } — { $total } ч в неделю
schedule-from = с { $date }: { $week }
schedule-none = График не задан: часы и план для этого сотрудника не считаются. Администратор задаёт его так: /schedule { $code } 8 8 8 8 8 0 0
schedule-upcoming = Следующие графики:
absences-title = Отсутствия:
absences-none = Отсутствий впереди нет.
absence-line =
    { $kind }: { $first } – { $last }, { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
schedule-week-title = Эта неделя ({ $first } – { $last }): { $total } ч
schedule-week-no-schedule = нет графика
schedule-week-reason-holiday = (праздник)
schedule-week-reason-vacation = (отпуск)
schedule-week-reason-sick = (больничный)
schedule-week-reason-dayoff = (отгул)

schedule-set = График сотрудника { $person } с { $date }: { $week }.
schedule-replaced = График сотрудника { $person } с { $date } заменён: { $week }.
schedule-notify = Ваш рабочий график с { $date }: { $week }. Посмотреть: /schedule

absence-set = Записано: { $person } — { $absence }.
absence-changed = Изменено: { $person } — { $absence }.
absence-removed = Удалено отсутствие: { $person } — { $absence }.
absence-notify = Для вас записано отсутствие: { $absence }. Ваш график: /schedule
absence-removed-notify = Ваше отсутствие удалено: { $absence }. Ваш график: /schedule
absence-list-title = Отсутствия (текущие и будущие): { $person }
absence-list-empty = У сотрудника { $person } нет текущих и будущих отсутствий. Записать: /absence { $code } vacation 2026-04-06 2026-04-17
absence-list-hint = Удалить ошибочное: /absence { $code } remove ДАТА (любой день внутри).

holidays-title = Праздники { $year } ({ $country }):
holidays-empty = Праздников нет.
holidays-hint = Добавить: /holiday add 2026-12-30 Корпоратив · сделать рабочим: /holiday remove 2026-12-31 · сократить на час: /holiday short 2026-12-30 · рабочая суббота: /holiday workday 2026-12-26
holiday-no-name = выходной
holiday-mark-add = (добавлен)
holiday-mark-remove = (убран: рабочий день)
holiday-added = { $day } — праздник: { $name }.
holiday-restored = { $day } снова праздник: { $name }.
holiday-already-holiday = { $day } уже праздник: { $name }. Ничего не изменено.
holiday-removed = { $day } теперь обычный рабочий день.
holiday-already-working = { $day } уже сделан рабочим днём. Ничего не изменено.

err-schedule-usage = Формат: /schedule СОТРУДНИК Ч Ч Ч Ч Ч Ч Ч [с ДАТЫ] — часы с понедельника по воскресенье, например: /schedule @ivan 8 8 8 8 7,5 0 0 с 01.04.2026
err-schedule-hours = «{ $value }» — не число часов: на день от 0 до 24, дробь через точку или запятую. Например: /schedule @ivan 8 8 8 8 7,5 0 0
err-schedule-admin-only = Графики задаёт администратор. Ваш график: /schedule
err-calendar-date = «{ $value }» — не дата. Пишите ДД.ММ, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например: 01.04 или 01.04.2026
err-calendar-date-range = Дата { $value } слишком далеко: допустимы даты с { $first } по { $last }, например: 2026-04-01
err-calendar-not-staff = { $person }: внешний представитель или доступ отключён — рабочего календаря нет. Сотрудники: /team
err-absence-usage = Формат: /absence СОТРУДНИК отпуск|больничный|отгул С [ПО] или /absence СОТРУДНИК удалить ДАТА, например: /absence @ivan отпуск 06.04 17.04
err-absence-kind = Нет вида отсутствия «{ $token }». Виды: отпуск, больничный, отгул; убрать отсутствие: удалить. Например: /absence @ivan больничный 12.03
err-absence-order = Конец { $last } раньше начала { $first }. Например: /absence @ivan vacation 2026-04-06 2026-04-17
err-absence-too-long =
    Отсутствие длится не больше { $max ->
        [one] { $max } дня
        [few] { $max } дней
        [many] { $max } дней
       *[other] { $max } дней
    }, а здесь { $days }. Разбейте его, например: /absence @ivan vacation 06.04.2026 17.04.2026
err-absence-overlap = У сотрудника { $person } уже есть отсутствие { $first } – { $last } на эти дни. Сначала удалите его: /absence { $number } remove { $remove }
err-absence-none = У сотрудника { $person } нет отсутствия на { $day }. Все отсутствия: /absence { $number }
err-holiday-usage = Формат: /holiday добавить|удалить|сокращённый|рабочий ДАТА [НАЗВАНИЕ] или /holiday [ГОД], например: /holiday добавить 30.12.2026 Корпоратив, /holiday сокращённый 30.12.2026
err-holiday-name = Название слишком длинное: { $length } символов, можно до { $max }. Например: /holiday add 2026-12-30 Корпоратив
err-holiday-not-holiday = { $day } и так не праздник: убирать нечего. Список: /holiday
err-holiday-year = Год должен быть с { $first } по { $last }, например: /holiday 2026
holiday-kind-short = сокращённый день (на час короче)
holiday-kind-workday = рабочий день
holiday-shortened = { $day } — сокращённый день: на час короче по графику каждого.
holiday-already-short = { $day } уже сокращённый день. Ничего не изменено.
holiday-workday = { $day } — рабочий день: часы по графику понедельника.
holiday-already-workday = { $day } и так рабочий день. Ничего не изменено.
holiday-cleared = { $day }: поправка снята, день снова как в производственном календаре.
holiday-ordinary = { $day } теперь обычный день своей недели: без сокращения и переноса.
err-holiday-action = Не понял действие «{ $token }»: пишите добавить, удалить, сокращённый или рабочий (add, remove, short, workday), например: /holiday добавить 30.12.2026 Корпоратив, /holiday удалить 09.03 или /holiday сокращённый 30.12
