# Pay settings (/pay) and payroll (/payroll, the monthly summary).

pay-month-name = { $name } { $year }
pay-month-1 = январь
pay-month-2 = февраль
pay-month-3 = март
pay-month-4 = апрель
pay-month-5 = май
pay-month-6 = июнь
pay-month-7 = июль
pay-month-8 = август
pay-month-9 = сентябрь
pay-month-10 = октябрь
pay-month-11 = ноябрь
pay-month-12 = декабрь
pay-type-fixed-by-hours = фикс. за часы
pay-type-hourly = почасовая
pay-type-salary = оклад
pay-rule-fixed = фикс. { $amount } за { $hours } ч в месяц
pay-rule-fixed-schedule = фикс. { $amount } за часы по графику
pay-rule-hourly = почасовая { $amount }/ч
pay-rule-salary = оклад { $amount } в месяц
pay-rule-k = , сверх нормы ×{ $k }

pay-set = { $person }: с { $month } — { $rule }.
pay-set-replaced = { $person }: условия с { $month } заменены — { $rule }.
pay-set-until = Действуют до { $until }: с { $until } — заданные позже условия.
pay-notify = Ваши условия оплаты с { $month }: { $rule }. Расчёт за месяц: /payroll
pay-history-title = { $person } — условия оплаты:
pay-history-line = с { $month }: { $rule }
pay-history-current = {" "}← сейчас
pay-history-change = Изменить: /pay { $ref } { $args } from { $month }
pay-history-empty = Условий оплаты нет: { $person }. Задать: /pay { $ref } fixed_by_hours 100000 160 1.5 from { $month }; почасовая оплата: /pay { $ref } hourly СТАВКА; оклад: /pay { $ref } salary ОКЛАД

payroll-title = Оплата за { $month }
payroll-own-title = Ваша оплата за { $month }
payroll-person-title = { $person } — оплата за { $month }
payroll-so-far = Месяц ещё идёт: данные на { $date }, сумма — за уже записанные часы.
payroll-locked = Месяц закрыт: сводка отправлена, записи времени за него меняет только администратор.
payroll-totals =
    { $count ->
        [one] { $count } сотрудник
        [few] { $count } сотрудника
        [many] { $count } сотрудников
       *[other] { $count } сотрудника
    }. Отработано { $worked } ч, сверх нормы { $overtime } ч. Итого к оплате: { $amount }
payroll-no-norm-count = Без нормы: { $count } — сумма не рассчитана, что задать — в строках с ⚠.
payroll-files = Файлы: /payroll { $month } xlsx · /payroll { $month } csv
payroll-row = { $code } { $name } — { $type }: { $hours } → { $amount }
payroll-row-no-norm = ⚠ { $code } { $name } — { $type }: { $worked } ч, нормы нет, сумма не рассчитана. { $hint }
payroll-hours = { $worked } ч
payroll-hours-norm = { $worked } из { $norm } ч
payroll-hours-overtime = { $worked } из { $norm } ч, сверх нормы { $overtime } ч
payroll-hint = Задайте график: /schedule { $code } 8 8 8 8 8 0 0 from { $first } или норму часов: /pay { $code } { $args } from { $month }
payroll-page = Стр. { $page } из { $pages }
payroll-empty = На { $month } условия оплаты ни у кого не заданы. Задать: /pay e2 salary 100000 from { $code }
payroll-own-terms = Условия: { $rule }
payroll-own-worked = Отработано: { $hours } ч
payroll-own-norm = Норма: { $hours } ч
payroll-own-overtime = Сверх нормы: { $hours } ч
payroll-own-amount = К оплате: { $amount }
payroll-own-no-norm = К оплате: не рассчитано — для этих условий нужна норма часов, а графика работы на этот месяц нет. Сообщите администратору.
payroll-own-none = Условий оплаты на { $month } у вас нет — их задаёт администратор.
payroll-person-none = Нет условий оплаты на { $month }: { $person }. Задать: /pay { $ref } salary 100000 from { $code }
payroll-file-caption = Оплата за { $month } — сотрудников: { $count }, без нормы: { $missing }, итого: { $amount }
payroll-others-denied = Оплату всех сотрудников видит только администратор.
payroll-xlsx-title = Оплата { $month }
payroll-xlsx-total = Итого
payroll-col-employee = Сотрудник
payroll-col-full-name = Имя
payroll-col-telegram-id = Telegram ID
payroll-col-pay-type = Тип оплаты
payroll-col-worked-h = Отработано, ч
payroll-col-norm-h = Норма, ч
payroll-col-overtime-h = Сверх нормы, ч
payroll-col-amount = Сумма
payroll-col-currency = Валюта

err-pay-private-chat = Об оплате — только в личном чате с ботом, чтобы её не видели посторонние. Напишите мне лично, например: /{ $command }
err-pay-usage = Формат: /pay СОТРУДНИК ТИП ЧИСЛА… [from ГГГГ-ММ]. Типы: fixed_by_hours БАЗА ЧАСЫ [K], hourly СТАВКА [K], salary ОКЛАД. Например: /pay e5 fixed_by_hours 100000 160 1.5 from 2026-04. Посмотреть условия: /pay e5
err-pay-type = Нет такого типа оплаты: «{ $token }». Типы: fixed_by_hours БАЗА ЧАСЫ [K], hourly СТАВКА [K], salary ОКЛАД. Например: /pay { $ref } hourly 1500
err-pay-count-missing = Не хватает чисел. Нужно: fixed_by_hours БАЗА ЧАСЫ [K], hourly СТАВКА [K] или salary ОКЛАД. Например: /pay { $ref } fixed_by_hours 100000 160
err-pay-count-extra = Лишний аргумент «{ $token }». Нужно: fixed_by_hours БАЗА ЧАСЫ [K], hourly СТАВКА [K] или salary ОКЛАД, месяц — в конце. Например: /pay { $ref } hourly 1500 1.5 from 2026-04
err-pay-number = «{ $token }» — не число. Пишите цифрами, без знаков и степеней, до 2 знаков после запятой (у K — до 3). Например: /pay { $ref } hourly 1500.50
err-pay-range = Число «{ $token }» вне допустимого: БАЗА, СТАВКА и ОКЛАД больше 0, ЧАСЫ от 0 до 744 (0 — по графику), K от 1 до 10. Например: /pay { $ref } fixed_by_hours 100000 160 1.5
err-pay-month = Не понял месяц «{ $token }»: пишите ГГГГ-ММ. Например: /pay { $ref } hourly 1500 from 2026-04
err-pay-month-missing = После from нужен месяц ГГГГ-ММ. Например: /pay { $ref } hourly 1500 from 2026-04
err-pay-month-far = Месяц { $month } не подходит: можно с { $earliest } по { $latest }. Например: /pay { $ref } hourly 1500 from { $latest }
err-pay-month-locked = Оплата за { $locked } уже отправлена и месяц закрыт: новые условия изменили бы её. Задайте их с более позднего месяца, например: { $example }
err-pay-external = { $person } — внешний представитель, оплата не начисляется. Чтобы начислять, сначала смените роль, например: /role { $ref } programmer
err-payroll-usage = Формат: /payroll [ГГГГ-ММ] [csv|xlsx]. Например: /payroll 2026-03 или /payroll 2026-03 xlsx
err-payroll-arg = Не понял «{ $token }». Формат: /payroll [ГГГГ-ММ] [csv|xlsx], например: /payroll 2026-03 csv
err-payroll-month = Не понял месяц «{ $token }»: пишите ГГГГ-ММ, например: /payroll 2026-03
err-payroll-future = { $month } ещё не наступил. Текущий месяц: /payroll, прошлый: /payroll { $previous }
err-payroll-files-admin = Файлы с оплатой сотрудников получает только администратор. Ваша оплата: /payroll { $month }
err-payroll-others-admin = Оплату других сотрудников видит только администратор. Ваша оплата: /payroll
