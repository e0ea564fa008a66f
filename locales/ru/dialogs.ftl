# The /newtask dialog in one message, leaving dialogs, one confirmation per button press

dialog-description = Описание задачи? Напишите его одним сообщением (можно в несколько строк) или нажмите «Пропустить».
dialog-current = Сейчас: { $value }
dialog-summary-description = Описание: { $description }
btn-back = ← Назад

quick-logged = Записано { $duration } на #{ $id }, за день { $total }.
quick-log-repeat = Уже записано: { $duration } на #{ $id }. Второе нажатие не считается.
