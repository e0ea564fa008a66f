# Group chats bound to development groups: /unbindchat; reminder buttons.

help-unbindchat = unbind a group chat from a group: /unbindchat in that chat, or /unbindchat backend in a private chat
cmd-unbindchat = Unbind a chat from a group
unbindchat-done = { $count ->
    [one] The group { $names } is no longer bound to a chat. Its alerts go to its lead, or to the admins when it has none.
   *[other] The groups { $names } are no longer bound to a chat. Their alerts go to their leads, or to the admins when a group has none.
}
err-unbindchat-usage = Format: /unbindchat in the bound group chat, or /unbindchat GROUP_NAME, for example: /unbindchat backend
err-unbindchat-chat-not-bound = No group is bound to this chat. To bind one: /bindchat GROUP_NAME
err-unbindchat-group-not-bound = The group { $name } is not bound to any chat.
err-unbindchat-not-allowed = Groups bound to this chat: { $names }. Only their leads or an admin can unbind them.

remind-btn-today-task = Log { $duration } on #{ $id } for today
remind-btn-today-general = Log { $duration } for today, no task
remind-btn-day-task = Log { $duration } on #{ $id } for { $weekday } { $day }
remind-btn-day-general = Log { $duration } for { $weekday } { $day }, no task
err-remind-log-full = On { $day }, { $logged } h of { $capacity } h are already logged: the day is full, the button added nothing.
err-remind-log-changed = More time was logged for { $day } after the reminder: { $logged } h of { $capacity } h, { $left } h short. The button added nothing; log the rest with /log.
remind-btn-stop = ⏹ Stop the timer on task #{ $id }
