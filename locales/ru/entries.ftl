# /hours: записи дня, их правка и удаление; /timesheet csv

hours-title-person = Часы: { $person }, с { $first } по { $last }:
hours-day-button = { $day } · { $logged }
hours-day-title = { $day }: { $logged }. Записи:
hours-day-title-person = { $person }, { $day }: { $logged }. Записи:
hours-day-empty = Записей за этот день нет.
hours-entry-general = общая работа
hours-entry-edit = Запись за { $day }: { $entry }. Что изменить?
hours-entry-delete-ask = Удалить запись { $entry }?
hours-ask-duration = Сколько времени записать? Выберите или напишите, например: 2ч 30м. Выйти: /cancel
hours-ask-task = На какую задачу перенести запись?
hours-ask-date = На какую дату перенести запись? Например: вчера, 09.03 или 2026-03-09. Выйти: /cancel
hours-ask-comment = Напишите новый комментарий к записи. Выйти: /cancel
hours-entry-deleted = Запись удалена.
hours-entry-changed = Запись изменена.
hours-entry-changed-to = Запись изменена, теперь она за { $day }.
btn-entry-edit = ✏️ Изменить { $n }
btn-entry-delete = 🗑 Удалить { $n }
btn-entry-delete-yes = Да, удалить
btn-entry-duration = Длительность
btn-entry-task = Задача
btn-entry-date = Дата
btn-entry-comment = Комментарий
btn-entry-general = Общая работа
btn-hours-back = ← Назад
err-hours-own-only = Смотреть можно только свои часы: /hours, /hours month.
err-hours-not-yours = { $person } не состоит в ваших группах: их часы вам не видны. Ваши группы: /groups
err-entry-gone = Этой записи нет или она вам не доступна. Откройте часы заново: /hours
err-entry-task-denied = На задачу #{ $id } эту запись перенести нельзя: время на ней записывают её исполнитель и тестировщик (и менеджер группы).
err-entry-comment-long = Комментарий — до { $max } символов, без управляющих знаков. Напишите его ещё раз или выйдите: /cancel
err-hours-duration-bad = «{ $value }» не похоже на длительность. Например: 2ч 30м, 90мин, 1.5. Выйти: /cancel
err-hours-date-bad = «{ $value }» не похоже на дату. Например: вчера, 09.03 или 2026-03-09. Выйти: /cancel

timesheet-caption = Записи за { $month }: { $title }, строк: { $count }.
timesheet-all = все сотрудники
timesheet-groups = ваши группы и вы
timesheet-own = ваши записи
timesheet-empty = За { $month } записей нет: { $title }.
err-timesheet-usage = Так: /timesheet csv, /timesheet 2026-03 csv, /timesheet backend csv или /timesheet @ivan 2026-03 csv.
err-timesheet-own-only = Выгрузить можно только свои записи: /timesheet csv или /timesheet 2026-03 csv.
err-timesheet-not-yours = «{ $ref }» — нет такой группы или сотрудника среди ваших групп. Ваши группы: /groups
err-timesheet-future = Месяц { $month } ещё не начался. Например: /timesheet csv

help-hours-lead = часы по дням с правкой записей: /hours, /hours @ivan month, /hours e5 2026-03
help-timesheet = мои записи за месяц файлом CSV: /timesheet csv, /timesheet 2026-03 csv
help-timesheet-lead = записи за месяц файлом CSV: /timesheet backend csv, /timesheet @ivan 2026-03 csv
cmd-timesheet = Записи файлом CSV
