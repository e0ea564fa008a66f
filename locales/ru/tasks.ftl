status-new = новая
status-in_progress = в работе
status-review = на проверке
status-done = готова
status-cancelled = отменена
priority-low = низкий
priority-normal = обычный
priority-high = высокий

task-logged-no-estimate = списано { $logged }, без оценки
task-logged-of = списано { $logged } из { $estimate }
task-line-deadline = срок { $date }
task-line-testing = вы тестировщик
task-line-lag = отставание { $lag } ч
task-card-outlook = План: { $planned } ч к сегодня, отставание { $lag } ч; { $forecast }
task-card-status = Статус: { $status } · группа { $group } · приоритет { $priority }
task-card-people =
    Автор: { $author }
    Исполнитель: { $assignee }
    Тестировщик: { $tester }
task-card-dates = Старт: { $start } · срок: { $deadline }
task-card-comments = Последние комментарии:
task-card-comment = — { $author }: { $text }
task-card-returned = — { $author } (возврат на доработку): { $text }
task-card-cancel-reason = — { $author } (причина отмены): { $text }
task-started = Задача #{ $id } теперь в работе.

tasks-title = Ваши открытые задачи ({ $count }):
tasks-empty = У вас нет открытых задач.
tasks-groups-title = Открытые задачи ваших групп ({ $count }):
tasks-groups-empty = В ваших группах нет открытых задач.
review-empty = Нет задач, которые ждут вашей проверки.
review-title = Ждут вашей проверки ({ $count }):
comment-added = Комментарий к задаче #{ $id } добавлен.
assign-done = #{ $id } «{ $title }»: исполнитель — { $person }.
cancel-done = Задача #{ $id } «{ $title }» отменена.
review-sent = Задача #{ $id } отправлена на проверку.
accept-done = Задача #{ $id } принята: готова.
return-ask = Что нужно исправить в задаче #{ $id } «{ $title }»? Напишите комментарий одним сообщением.
return-done = Задача #{ $id } возвращена на доработку, исполнитель получил комментарий.
newtask-created = Задача #{ $id } создана.

dialog-cancelled = Отменено.
dialog-title = Новая задача. Как она называется? Напишите название одним сообщением.
dialog-group = В какой группе создать задачу?
dialog-assignee = Кто исполнитель? Выберите кнопкой или напишите @username или номер (e12).
dialog-estimate = Оценка? Выберите или напишите, например: 6ч, 1.5ч, 90м.
dialog-deadline = Срок? Выберите или напишите дату: 2026-03-20, 20.03, завтра, или старт и срок: 12.03..20.03.
dialog-tester = Кто тестировщик? Выберите кнопкой или напишите @username; без тестировщика задачу проверит руководитель группы.
dialog-in-days-1 = завтра
dialog-in-days-3 = через 3 дня
dialog-in-days-7 = через неделю
dialog-in-days-14 = через 2 недели
dialog-summary =
    Проверьте задачу:
    «{ $title }»
    Группа: { $group }
    Исполнитель: { $assignee }
    Тестировщик: { $tester }
    Оценка: { $estimate }
    Срок: { $deadline }
    Приоритет: { $priority }

btn-cancel = ✖ Отмена
btn-skip = Пропустить
btn-create = ✅ Создать
btn-priority = Приоритет ↻
btn-open = Открыть #{ $id }
btn-accept = ✅ Принять
btn-return = ↩ Вернуть
btn-accept-n = ✅ Принять #{ $id }
btn-return-n = ↩ Вернуть #{ $id }
btn-review = 📤 На проверку
btn-timer-start = ▶ Запустить таймер
btn-timer-stop = ⏹ Остановить таймер
btn-log = +{ $duration }

note-assigned = Вам назначена задача #{ $id } «{ $title }» — { $actor }.
note-unassigned = Задача #{ $id } «{ $title }» передана другому исполнителю — { $actor }.
note-review = Задача #{ $id } «{ $title }» ждёт вашей проверки — { $actor }.
note-done = Задача #{ $id } «{ $title }» принята: готова — { $actor }.
note-returned =
    Задача #{ $id } «{ $title }» возвращена на доработку — { $actor }:
    { $comment }
note-cancelled = Задача #{ $id } «{ $title }» отменена — { $actor }.
note-comment =
    Комментарий к задаче #{ $id } «{ $title }» от { $actor }:
    { $comment }

err-task-ref = Не понял номер задачи «{ $ref }». Укажите номер, например: 12 или #12.
err-task-not-found = Задача #{ $id } не найдена. Ваши задачи: /tasks
err-task-closed = Задача #{ $id } уже закрыта (готова или отменена): с ней ничего нельзя сделать.
err-task-not-manager = Назначать и отменять задачу #{ $id } может только руководитель её группы или администратор.
err-task-not-reviewer = Проверять задачу #{ $id } может её тестировщик, а без тестировщика — руководитель группы или администратор.
err-task-not-in-review = Задача #{ $id } не на проверке: принять или вернуть можно только задачу на проверке.
err-task-not-assignee = Отправить задачу #{ $id } на проверку может только её исполнитель.
err-task-already-review = Задача #{ $id } уже на проверке.
err-task-already-assignee = { $person } уже исполнитель задачи #{ $id }.
err-task-tester-is-assignee = { $person } не может быть одновременно исполнителем и тестировщиком задачи.
err-task-person-role = { $person } не может быть исполнителем: нужен активный программист или тестировщик из списка сотрудников (/team).
err-task-tester-role = { $person } не может быть тестировщиком: нужен активный программист или тестировщик из списка сотрудников (/team).
err-task-person-group = { $person } не состоит в группе { $group }. Выберите участника группы (/groups).
err-task-usage = Формат: /task НОМЕР, например: /task 12
err-comment-usage = Формат: /comment НОМЕР ТЕКСТ, например: /comment 12 проверил на стенде, работает
err-comment-text = Комментарий должен быть непустым текстом до { $max } символов, например: /comment 12 готово к проверке
err-return-comment = Напишите, что исправить: непустой текст до { $max } символов, например: «форма входа падает на пустом пароле».
err-assign-usage = Формат: /assign НОМЕР СОТРУДНИК, например: /assign 12 @ivan
err-cancel-usage = Формат: /cancel НОМЕР [причина], например: /cancel 12 заказчик передумал
err-newtask-usage = Формат: /newtask НАЗВАНИЕ | ИСПОЛНИТЕЛЬ | ОЦЕНКА | [СТАРТ..]СРОК | ТЕСТИРОВЩИК | ГРУППА — поля после названия можно пропускать, например: /newtask Починить вход | @ivan | 6ч | 20.03 | @olga | backend
err-newtask-title-empty = Нужно название задачи, например: /newtask Починить вход | @ivan | 6ч | 20.03
err-newtask-title = Название — одна строка до { $max } символов, например: Починить вход
err-newtask-estimate = Оценка «{ $value }» не подходит: нужна длительность больше 0 и до { $max } ч, например: 6ч, 1.5h, 90м, 2ч30м.
err-newtask-date = Дата «{ $value }» не подходит. Пример: 2026-03-20, 20.03, 20.03.2026, завтра; старт и срок: 12.03..20.03.
err-newtask-priority = Нет такого приоритета: «{ $value }». Приоритеты: low, normal, high.
err-newtask-no-group = Не получилось выбрать группу: укажите группу, которой вы руководите и в которой состоит исполнитель, например: /newtask Починить вход | @ivan | 6ч | 20.03 | | backend
err-newtask-no-groups = Вы не руководите ни одной группой, поэтому не можете создавать задачи. Группы: /groups
err-newtask-group-not-led = Вы не руководите группой { $group }: задачи можно создавать только в своих группах.
err-newtask-deadline-before-start = Срок { $deadline } раньше старта { $start }. Пример: 12.03..20.03
err-newtask-deadline-past = Срок { $deadline } уже прошёл. Укажите будущую дату, например: завтра или 2026-12-31.
err-dialog-stale = Эта кнопка больше не действует. Начните заново: /newtask или /tasks
err-newtask-window-too-long = Срок { $deadline } дальше чем через { $years } года от старта { $start }: так план не считается. Укажите срок ближе, например: { $example }
