# Leave, hours balance, weekly approval, reminders and long timers.

# /leave: leave requests
leave-sent = Заявка №{ $id } отправлена: { $line }. Решение примет: { $deciders }. Статус заявок: /leave
leave-sick-registered = Больничный записан: { $line }. Руководитель уведомлён: { $deciders }. Поправьтесь!
leave-ask = Заявка на отсутствие: { $person } — { $line }.
leave-sick-notice = Больничный: { $person } — { $line }. Уже записан в календарь, решения не требуется.
leave-comment-line = Комментарий: { $comment }
btn-leave-approve = ✅ Одобрить
btn-leave-decline = ❌ Отклонить
leave-approved-you = Одобрено: { $person } — { $line }. Записано в календарь.
leave-approved-notify = Заявка одобрена: { $line }. Решение: { $decider }. Записано в календарь: /schedule
leave-decline-ask = Отклонить заявку: { $person } — { $line }. Напишите причину одним сообщением (или «отмена»).
leave-declined-you = Отклонено: { $person } — { $line }. Причина: { $reason }
leave-declined-notify = Заявка отклонена: { $line }. Причина: { $reason } ({ $decider })
leave-list-title = Ваши заявки на отсутствие:
leave-list-none = Заявок пока нет. Например: /leave отпуск 16.03 20.03 семейная поездка
leave-list-line = №{ $id } { $line } — { $status }
leave-status-pending = ждёт решения
leave-status-approved = одобрена
leave-status-declined = отклонена: { $reason }
leave-status-registered = записан
err-leave-usage = Формат: /leave отпуск|отгул|больничный С [ПО] [комментарий]. Например: /leave отпуск 16.03 20.03 семейная поездка, /leave отгул 2026-03-20
err-leave-kind = Вид отсутствия «{ $kind }» не знаком: отпуск, отгул или больничный. Например: /leave отгул 20.03
err-leave-date = «{ $value }» — не дата. Даты: сегодня, завтра, 20.03, 20.03.2026 или 2026-03-20. Например: /leave отпуск 16.03 20.03
err-leave-order = Конец ({ $last }) раньше начала ({ $first }). Например: /leave отпуск 16.03 20.03
err-leave-too-long = Слишком длинный период: { $days } дн., не больше { $max } за одну заявку. Разбейте на несколько заявок.
err-leave-far = Даты { $first } – { $last } слишком далеко: не раньше чем год назад и не позже чем через два года.
err-leave-past-vacation = Отпуск не может начинаться в прошлом ({ $first }; сегодня { $today }). Например: /leave отпуск 16.03 20.03
err-leave-comment = Комментарий слишком длинный или с непечатными символами (не больше { $max } знаков).
err-leave-locked = Месяц { $month } закрыт: по нему уже отправлена ведомость оплаты. Отсутствие в нём может записать только администратор.
err-leave-overlap-absence = На эти дни уже записано отсутствие: { $first } – { $last }. Посмотреть: /schedule
err-leave-overlap-request = На эти дни уже есть заявка, ждущая решения: { $first } – { $last }. Статус: /leave
err-leave-not-yours = Решать по этой заявке может руководитель группы сотрудника или администратор.
err-leave-already-approved = Заявка уже одобрена — ничего не изменилось.
err-leave-already-declined = Заявка уже отклонена — ничего не изменилось.
err-leave-already-registered = Больничный уже записан — решения не требуется.
err-leave-reason = Напишите причину отказа текстом (не больше { $max } знаков) или «отмена».
# /balance: hours worked minus norm
balance-title = Баланс часов: { $person }
balance-month = { $month }: отработано { $worked } из { $norm } ({ $diff }), итог { $running }
balance-total-over = Итого с { $start }: { $total } — переработка.
balance-total-under = Итого с { $start }: { $total } — недоработка.
balance-total-even = Итого с { $start }: 0 — ровно по норме.
balance-no-schedule = График не задан: норму считать не от чего. Администратор задаёт график командой /schedule.
balance-list-title = Баланс часов на { $date }:
balance-group-title = Баланс часов группы { $group } на { $date }:
balance-line = { $person }: { $total } (за { $month }: { $diff })
balance-line-none = { $person }: нет графика
balance-list-empty = Сотрудников нет.
balance-list-hint = Подробно по месяцам: /balance @username или /balance e5
me-balance = Баланс часов: { $total } (подробно: /balance)
err-balance-usage = Формат: /balance, /balance @ivan, /balance e5 или /balance backend
err-balance-denied = Баланс сотрудника { $person } вам недоступен: руководитель видит людей своих групп, администратор — всех.
err-balance-group-denied = Группу { $name } ведёт другой руководитель: её баланс вам недоступен.
# weekly approval of hours
week-title = Неделя { $first } – { $last }: отработано { $logged } из { $norm }.
week-day = { $weekday } { $day }: { $logged } из { $capacity }
week-day-no-schedule = { $weekday } { $day }: { $logged } (нет графика)
week-submit-hint = Если всё верно, отправьте неделю на утверждение. До утверждения часы можно поправить: /log, /undo.
btn-week-submit = 📤 Отправить на утверждение
week-submitted = Неделя { $first } – { $last } отправлена на утверждение. Решение примет: { $deciders }.
week-submitted-notice = Неделя { $first } – { $last } на утверждение: { $person }, отработано { $logged } из { $norm }.
week-digest-title = Утверждение часов за неделю { $first } – { $last }:
week-digest-line = { $person }: { $logged } из { $norm } — { $state }
week-state-open = не отправлена
week-state-submitted = отправлена
week-state-returned = возвращена на исправление
week-state-approved = утверждена
week-digest-not-submitted = Ещё не отправили: { $people }
week-digest-footer = Кнопки ниже: утвердить или вернуть неделю каждого (с комментарием). Утверждённая неделя закрыта для изменений.
btn-week-approve = ✅ Утвердить { $code }
btn-week-return = ↩ Вернуть { $code }
week-approved-you = Неделя { $first } – { $last } утверждена: { $person }. Записи этой недели закрыты.
week-approved-notify = Неделя { $first } – { $last } утверждена ({ $decider }). Записи этой недели больше не меняются.
week-return-ask = Вернуть неделю { $first } – { $last }: { $person }. Напишите одним сообщением, что поправить (или «отмена»).
week-returned-you = Неделя { $first } – { $last } возвращена: { $person }.
week-returned-notify =
    Неделя { $first } – { $last } возвращена ({ $decider }): { $comment }
    Поправьте часы и отправьте неделю снова.
err-week-already-submitted = Неделя с { $first } уже отправлена и ждёт решения — ничего не изменилось.
err-week-already-approved = Неделя с { $first } уже утверждена — ничего не изменилось.
err-week-not-yours = Утверждать неделю может руководитель группы сотрудника или администратор.
err-week-comment = Напишите комментарий текстом (не больше 1000 знаков) или «отмена».

# timelog: approved weeks, long timers
err-log-week-locked = Неделя { $first } – { $last } утверждена: её записи закрыты. Изменить их может только администратор.
# a timer left running past the working day
timer-watch-text = Таймер на задаче #{ $id } идёт уже { $duration } — дольше вашего рабочего дня. Остановить?
btn-watch-now = ⏹ Остановить сейчас ({ $duration })
btn-watch-end-of-day = ⏹ Остановить в конце рабочего дня ({ $duration })

# /help lines and the command menu
help-leave = отсутствие: /leave отпуск 16.03 20.03 поездка, /leave отгул завтра, /leave больничный сегодня; /leave — мои заявки
help-balance = баланс часов (переработка/недоработка) по месяцам; руководитель: /balance @ivan или /balance backend
help-remind = вечернее напоминание записать время: /remind off, /remind on
cmd-leave = Отпуск, отгул, больничный
cmd-balance = Баланс часов
cmd-remind = Напоминания о часах
