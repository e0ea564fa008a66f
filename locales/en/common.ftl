refuse-stranger = This bot is for the company's staff only. If you were invited, open your invite link.
error-apology = Sorry, something went wrong. We are looking into it. Error code: { $code }
denied-command = The command /{ $command } is not available to you. Your commands: /help
private-only-command = /{ $command } works in a private chat with me: open the bot and send it there.
unknown-command = There is no such command. Your commands: /help
stray-text = I did not understand that. To log time, write for example: 1h 30m #12 yesterday form fix. All commands: /help
stray-text-external = I did not understand that. Your groups' tasks: /tasks; a comment on one: /comment 12 text. All commands: /help
stale-button = This button no longer works.
role-admin = administrator
role-manager = project manager
role-programmer = programmer
role-tester = tester
role-external = external representative
start-welcome = Hello, { $name }! You are a { $role }, your number is { $code }. What the bot can do: /help
help-title = Your commands ({ $role }):
lang-set = Language: English.
me-card = { $code } · { $name } · { $role }
me-groups = Groups: { $groups }
me-listed-yes = Shown in the staff list.
me-listed-no = Not shown in the staff list.
me-access-until = Access until { $date }
team-title = Staff ({ $count }):
team-empty = Nobody is in the staff list yet.
team-unlisted = (not listed)
invite-made =
    Invite: { $role }, group { $group }.
    { $link }
    The link works once and is valid for 7 days.
invite-made-external =
    Invite for an external representative, group { $group }, access for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
    { $link }
    The link works once and for 7 days.
role-set = { $person } is now a { $role }.
listed-on = { $person } is shown in the staff list.
listed-off = { $person } is hidden from the staff list.
deactivated = Access ended: { $person }. The bot no longer answers this account.
groups-empty = There are no development groups yet. Create one: /group new backend
groups-line = { $name } — lead: { $lead }
groups-chat-bound = (chat bound)
group-created = Group { $name } created. Set its lead: /group lead { $name } @username
group-lead-set = { $person } leads the group { $name }.
group-member-added = { $person } added to the group { $name }.
group-member-already = { $person } is already in the group { $name }.
group-member-removed = Group { $name }: { $person } is no longer a member.
group-member-absent = { $person } is not in the group { $name }.
bindchat-done = This chat is bound to the group { $name }: its alerts will come here.

err-person-format = I could not tell who «{ $ref }» is. Use @username or an employee number such as e12 (numbers are in /team).
err-person-unknown = Nobody found for «{ $ref }». Employee numbers are in /team, for example e12.
err-person-inactive = Access ended or expired: { $person }.
err-role-unknown = There is no role «{ $role }». Roles: admin, manager, programmer, tester, external.
err-role-self = You cannot drop your own admin role: ask another admin.
err-role-usage = Format: /role PERSON ROLE, for example: /role @ivan tester
err-listed-usage = Format: /listed PERSON on|off, for example: /listed e12 off
err-deactivate-usage = Format: /deactivate PERSON, for example: /deactivate @ivan
err-deactivate-self = You cannot deactivate yourself.
err-invite-usage = Format: /invite ROLE [GROUP] [DAYS], for example: /invite programmer backend or /invite external backend 3
err-invite-role-denied = A project manager can invite only a programmer, a tester or an external representative.
err-invite-group-needed = Name a group you lead, for example: /invite programmer backend
err-invite-days-external = Access days are only for an external representative: /invite external backend 3
err-invite-days-range = Access lasts from 1 to { $max } days, for example: /invite external backend 7
err-invite-invalid = This invite is not valid: it was used, has expired or is wrong. Ask for a new one.
err-invite-already = You are already registered. Commands: /help
err-lang-usage = Format: /lang ru or /lang en
err-group-usage = Format: /group new NAME | /group lead NAME PERSON | /group add NAME PERSON | /group remove NAME PERSON, for example: /group add backend @ivan
err-group-name = The group name «{ $name }» does not fit: one word of up to 32 letters, digits, _ and -, for example: backend
err-group-unknown = No group «{ $name }». The groups: /groups
err-group-exists = The group { $name } already exists.
err-group-lead-role = { $person } cannot lead a group: the role must be manager or admin (/role).
err-group-not-lead = You do not lead the group { $name }.
err-bindchat-private = Send /bindchat GROUP_NAME in the group chat you want to bind.
err-bindchat-usage = Format: /bindchat GROUP_NAME, for example: /bindchat backend
unknown-command-named = There is no command /{ $command }. Your commands: /help
unknown-command-suggest = There is no command /{ $command }. Did you mean { $suggestions }? All commands: /help
edited-message = The bot does not read edited messages: send the command or time entry again as a new message. /undo removes your last time entry.
edited-message-external = The bot does not read edited messages: send the command or comment again as a new message.
refuse-deactivated = Your access to the bot was turned off on { $date }. An admin can restore it: ask them for a new invite.
refuse-deactivated-undated = Your access to the bot was turned off. An admin can restore it: ask them for a new invite.
refuse-expired = Your access as an external representative ended on { $date }. An admin can restore it: ask them for a new invite.
invite-joined = { $person } joined by your invite: { $role }.
err-person-ambiguous = Several people have the name «{ $ref }»: { $codes }. Name the one you mean by number, e.g. { $first }.
err-role-word = There is no role «{ $token }». Roles: admin, manager, programmer, tester, external. For example: /role @ivan tester
err-keyword-switch = Unknown word «{ $token }»: write on or off, for example: /listed e12 off
err-group-action = Unknown action «{ $token }»: write new, lead, add or remove, for example: /group add backend @ivan
