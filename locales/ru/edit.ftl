help-edit = изменить задачу: /edit 12 срок 27.03 (название, описание, оценка, начало, срок, тестировщик, приоритет, группа)

edit-done = Задача #{ $id }: { $field } — изменено.
edit-field-title = название
edit-field-description = описание
edit-field-estimate = оценка
edit-field-start = начало
edit-field-deadline = срок
edit-field-tester = тестировщик
edit-field-priority = приоритет
edit-field-group = группа
edit-date = { $date }

err-edit-usage = Формат: /edit НОМЕР ПОЛЕ ЗНАЧЕНИЕ, например /edit 12 срок 27.03. Поля: название, описание, оценка, начало, срок, тестировщик, приоритет, группа; «-» убирает тестировщика, срок, оценку или описание: /edit 12 тестировщик -
err-edit-field = Нет такого поля: «{ $token }». Поля: название, описание, оценка, начало, срок, тестировщик, приоритет, группа, например /edit 12 оценка 6ч
err-edit-priority = Нет такого приоритета: «{ $token }». Приоритеты: низкий, обычный, высокий, например /edit 12 приоритет высокий
err-edit-not-manager = Изменить задачу #{ $id } может только руководитель её группы или администратор.
err-edit-unchanged = У задачи #{ $id } уже это значение: ничего не изменено.
err-edit-group-not-led = Вы не руководите группой { $group }: задачу можно перенести только в свою группу.
err-edit-description = Описание — текст длиной до { $max } символов.

task-card-history = Изменения:
task-card-history-edit = — { $when } { $actor }: { $field } { $old } → { $new }
task-card-history-assigned = — { $when } { $actor }: исполнитель { $person }
task-card-history-status = — { $when } { $actor }: статус «{ $status }»

note-edit-title = Задача #{ $id } теперь называется «{ $value }» — { $actor }.
note-edit-description = У задачи #{ $id } «{ $title }» изменено описание — { $actor }.
note-edit-estimate = Задача #{ $id } «{ $title }»: оценка теперь { $value } ч — { $actor }.
note-edit-start = Задача #{ $id } «{ $title }»: начало теперь { $value } — { $actor }.
note-edit-deadline = Задача #{ $id } «{ $title }»: срок теперь { $value } — { $actor }.
note-edit-tester = Задача #{ $id } «{ $title }»: тестировщик теперь { $value } — { $actor }.
note-edit-priority = Задача #{ $id } «{ $title }»: приоритет теперь { $value ->
    [low] низкий
    [high] высокий
   *[other] обычный
} — { $actor }.
note-edit-group = Задача #{ $id } «{ $title }» перенесена в группу { $value } — { $actor }.
note-edit-tester-you = Вы теперь тестируете задачу #{ $id } «{ $title }» — { $actor }.
note-edit-tester-off = Вы больше не тестируете задачу #{ $id } «{ $title }» — { $actor }.

btn-edit-reassign = 👤 Исполнитель
btn-edit-deadline = 📅 Срок
btn-edit-estimate = ⏱ Оценка
btn-edit-tester = 🔍 Тестировщик
btn-edit-priority = ⚡ Приоритет
btn-edit-cancel = ✖ Отменить задачу
btn-comment = 💬 Комментарий
btn-edit-back = ← Назад
btn-edit-no-tester = Без тестировщика
btn-edit-plus-days = { $days ->
    [1] +1 день ({ $date })
    [7] +неделя ({ $date })
   *[other] +{ $days } дн. ({ $date })
}
btn-edit-type-date = Ввести дату
btn-edit-type-estimate = Ввести оценку
btn-edit-cancel-yes = Да, отменить задачу
btn-edit-reassign-n = Передать #{ $id }

edit-pick-assignee = #{ $id } «{ $title }»: кто теперь исполнитель?
edit-pick-tester = #{ $id } «{ $title }»: кто тестирует?
edit-pick-priority = #{ $id } «{ $title }»: какой приоритет?
edit-pick-deadline = #{ $id } «{ $title }»: новый срок?
edit-pick-estimate = #{ $id } «{ $title }»: новая оценка?
edit-pick-cancel = Отменить задачу #{ $id } «{ $title }»? Исполнитель и тестировщик получат уведомление.
edit-ask-deadline = #{ $id } «{ $title }»: пришлите новый срок, например 27.03 или 2026-03-27. Выйти: /cancel
edit-ask-estimate = #{ $id } «{ $title }»: пришлите новую оценку, например 6ч, 1,5ч, 90м. Выйти: /cancel
edit-ask-comment = #{ $id } «{ $title }»: пришлите комментарий одним сообщением. Выйти: /cancel

people-open-tasks = Открытые задачи сотрудника ({ $count }) — передайте их другим:
