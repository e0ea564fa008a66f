# Group chats bound to development groups: /unbindchat; reminder buttons.

help-unbindchat = отвязать групповой чат от группы: /unbindchat в самом чате или /unbindchat backend в личном чате
cmd-unbindchat = Отвязать чат от группы
unbindchat-done = { $count ->
    [one] Группа { $names } больше не привязана к чату. Её оповещения получает руководитель группы, а если его нет — администраторы.
   *[other] Группы { $names } больше не привязаны к чату. Их оповещения получают руководители групп, а если руководителя нет — администраторы.
}
err-unbindchat-usage = Формат: /unbindchat в привязанном групповом чате или /unbindchat ИМЯ_ГРУППЫ, например: /unbindchat backend
err-unbindchat-chat-not-bound = К этому чату не привязана ни одна группа. Привязать: /bindchat ИМЯ_ГРУППЫ
err-unbindchat-group-not-bound = Группа { $name } не привязана ни к одному чату.
err-unbindchat-not-allowed = К этому чату привязаны группы: { $names }. Отвязать их могут только их руководители или администратор.

remind-btn-today-task = Записать { $duration } на #{ $id } за сегодня
remind-btn-today-general = Записать { $duration } за сегодня без задачи
remind-btn-day-task = Записать { $duration } на #{ $id } за { $day } ({ $weekday })
remind-btn-day-general = Записать { $duration } за { $day } ({ $weekday }) без задачи
err-remind-log-full = За { $day } уже записано { $logged } ч из { $capacity } ч: день заполнен, кнопка ничего не добавила.
err-remind-log-changed = За { $day } после напоминания записано ещё время: всего { $logged } ч из { $capacity } ч, не хватает { $left } ч. Кнопка ничего не добавила — запишите остаток командой /log.
remind-btn-stop = ⏹ Остановить таймер по задаче #{ $id }
