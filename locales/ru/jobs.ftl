# Задания по расписанию: /jobs, `python -m jobs` и сообщения, которые они рассылают.

jobs-title = Задания по расписанию (время — { $tz }):
jobs-name-lag-alerts = Оповещения об отставании
jobs-name-log-reminders = Напоминания записать время
jobs-name-payroll-summary = Итоги оплаты за месяц
jobs-line = { $title } ({ $name }) — { $when }
jobs-when-daily = по рабочим дням в { $time }
jobs-when-monthly = { $day }-го числа каждого месяца в { $time }, за прошлый месяц
jobs-next = Следующий запуск: { $at }
jobs-last = Последний запуск: { $at }, { $period }, { $trigger } — { $status }: отправлено { $sent }, уже было отправлено { $skipped }, не доставлено { $failed }
jobs-last-none = Последний запуск: ещё не было
jobs-trigger-schedule = по расписанию
jobs-trigger-catchup = восполнен после простоя
jobs-trigger-manual = вручную
jobs-status-running = идёт или прерван
jobs-status-done = выполнено
jobs-status-partial = доставлено не всё
jobs-status-failed = ошибка
jobs-status-interrupted = прервано
jobs-run-hint = Запустить сейчас: /jobs run lag_alerts · /jobs run log_reminders · /jobs run payroll_summary 2026-02
jobs-run-result =
    { $title } за { $period }: { $status }.
    Отправлено: { $sent }. Уже было отправлено, пропущено: { $skipped }. Не доставлено: { $failed }.
jobs-run-nothing-new = Ничего нового не отправлено: все уже получили своё.
jobs-run-nobody = Сообщения никому не понадобились.
jobs-run-failed = Задание прервалось с ошибкой, подробности — в журнале бота. Отправленное остаётся отправленным; запустите снова, когда причина будет устранена.
jobs-run-unreachable = Недоступны (заблокировали бота): { $people }
jobs-run-retry = Недоставленное будет отправлено при следующем запуске: /jobs run { $name }{ $period }
jobs-run-busy = { $title } за { $period } прямо сейчас выполняет другая копия бота (её аренда истекает не позже { $until }). Попробуйте через минуту.
jobs-cli-waiting = Жду до { $seconds } с, пока тот запуск закончится или истечёт его аренда…
jobs-unavailable = В этой копии бота задания по расписанию не настроены.
jobs-unreachable =
    { $job }: бот не смог написать этим сотрудникам — они его заблокировали:
    { $people }
    Пока они не разблокируют бота, он ничего им не пришлёт.

jobs-lag-own-title = Ваши задачи с отставанием от плана, { $date }:
jobs-lag-digest-title = Отставание от плана в ваших группах, { $date }:
jobs-lag-chat-title = Отставание от плана в { $groups }, { $date }:
jobs-lag-group = Группа { $group }:
jobs-lag-person = { $person }:
jobs-lag-task =
    #{ $id } { $title } — отставание { $lag } ч, это { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }; срок { $deadline }
jobs-lag-task-late =
    #{ $id } { $title } — отставание { $lag } ч, это { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }; срок { $deadline }, завершится на { $late ->
        [one] { $late } рабочий день
        [few] { $late } рабочих дня
        [many] { $late } рабочих дней
       *[other] { $late } рабочих дня
    } позже, { $finish }
jobs-lag-task-beyond = #{ $id } { $title } — отставание { $lag } ч, срок { $deadline }, при нынешнем темпе срок завершения не виден
jobs-lag-own-footer = Записать часы: /log 2ч #{ $id } · все ваши задачи: /tasks
jobs-lag-digest-footer = Подробнее: /plan

jobs-remind-text = Сегодня записано { $logged } из { $capacity }. Запишите остальное, например: /log { $rest } #{ $id } что сделано
jobs-remind-text-general = Сегодня записано { $logged } из { $capacity }. Запишите остальное, например: /log { $rest } что сделано
jobs-remind-buttons = Или нажмите кнопку ниже: время запишется без комментария за тот день, что назван на кнопке.
jobs-remind-button = #{ $id } +{ $duration }

err-jobs-usage = Формат: /jobs или /jobs run ИМЯ [ГГГГ-ММ]. Задания: lag_alerts, log_reminders, payroll_summary. Например: /jobs run payroll_summary 2026-02
err-jobs-unknown = Нет задания «{ $name }». Задания: { $names }. Например: /jobs run lag_alerts
err-jobs-period-daily = { $name } всегда выполняется за сегодня, месяц не нужен: /jobs run { $name }
err-jobs-period-format = «{ $period }» — не месяц: напишите ГГГГ-ММ, например: /jobs run payroll_summary 2026-02
err-jobs-period-open = { $period } ещё не закончился: итоги оплаты рассылаются за завершённый месяц, например: /jobs run payroll_summary
jobs-name-week-approval = Утверждение недели
jobs-when-weekly = в первый рабочий день недели в { $time }, за прошлую неделю
jobs-when-off = выключено (WEEK_APPROVAL=off)
jobs-remind-day = { $weekday } { $day } — { $rest }
jobs-remind-short-days = Не хватает часов и за прошлые дни недели: { $days }.
jobs-remind-timer = Таймер на задаче #{ $id } всё ещё идёт: если работа закончена, остановите его кнопкой ниже или командой /stop.
remind-state-on = Напоминания записать время включены. Выключить: /remind off
remind-state-off = Напоминания записать время выключены. Включить: /remind on
remind-on = Напоминания включены: вечером рабочего дня бот напомнит о незаписанных часах.
remind-off = Напоминания выключены. Включить снова: /remind on
err-remind-usage = Формат: /remind on или /remind off (можно вкл/выкл).
jobs-nolog-title = Ничего не записали за { $date }:
jobs-nolog-line = • { $person }
