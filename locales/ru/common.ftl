refuse-stranger = Этот бот работает только для сотрудников компании. Если вас пригласили, откройте ссылку-приглашение.
error-apology = Извините, что-то пошло не так. Мы уже разбираемся. Код ошибки: { $code }
denied-command = Команда /{ $command } вам недоступна. Список доступных команд: /help
private-only-command = Команда /{ $command } работает в личном чате со мной: откройте бота и отправьте её там.
unknown-command = Такой команды нет. Список доступных команд: /help
stray-text = Не понял сообщение. Чтобы записать время, напишите, например: 1ч 30м #12 вчера правка формы. Все команды: /help
stray-text-external = Не понял сообщение. Задачи ваших групп: /tasks; комментарий к задаче: /comment 12 текст. Все команды: /help
stale-button = Эта кнопка больше не действует.
role-admin = администратор
role-manager = руководитель проекта
role-programmer = программист
role-tester = специалист-тестировщик
role-external = внешний представитель
start-welcome = Здравствуйте, { $name }! Вы — { $role }, ваш номер { $code }. Что умеет бот: /help
help-title = Ваши команды ({ $role }):
lang-set = Язык: русский.
me-card = { $code } · { $name } · { $role }
me-groups = Группы: { $groups }
me-listed-yes = Отображается в списке сотрудников.
me-listed-no = Не отображается в списке сотрудников.
me-access-until = Доступ до { $date }
team-title = Сотрудники ({ $count }):
team-empty = В списке сотрудников пока никого нет.
team-unlisted = (не в списке)
invite-made =
    Приглашение: { $role }, группа { $group }.
    { $link }
    Ссылка одноразовая и действует 7 дней.
invite-made-external =
    Приглашение для внешнего представителя, группа { $group }, доступ на { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }.
    { $link }
    Ссылка одноразовая и действует 7 дней.
role-set = { $person }: теперь { $role }.
listed-on = В списке сотрудников: { $person }.
listed-off = Больше не в списке сотрудников: { $person }.
deactivated = Доступ отключён: { $person }. Бот больше не отвечает на сообщения с этого аккаунта.
groups-empty = Групп разработки пока нет. Создать: /group new backend
groups-line = { $name } — руководитель: { $lead }
groups-chat-bound = (чат привязан)
group-created = Группа { $name } создана. Назначить руководителя: /group lead { $name } @username
group-lead-set = { $person } — руководитель группы { $name }.
group-member-added = Группа { $name }: { $person } теперь участник.
group-member-already = { $person } уже в группе { $name }.
group-member-removed = Группа { $name }: { $person } больше не участник.
group-member-absent = { $person } не состоит в группе { $name }.
bindchat-done = Этот чат привязан к группе { $name }: сюда будут приходить её оповещения.

err-person-format = Не понял, о ком речь: «{ $ref }». Укажите @username или номер сотрудника, например e12 (номера — в /team).
err-person-unknown = Сотрудник «{ $ref }» не найден. Номера сотрудников — в /team, например e12.
err-person-inactive = Доступ отключён или истёк: { $person }.
err-role-unknown = Нет такой роли: «{ $role }». Роли: admin, manager, programmer, tester, external.
err-role-self = Нельзя снять с себя роль администратора: попросите другого администратора.
err-role-usage = Формат: /role СОТРУДНИК РОЛЬ, например: /role @ivan тестировщик
err-listed-usage = Формат: /listed СОТРУДНИК да|нет, например: /listed e12 нет
err-deactivate-usage = Формат: /deactivate СОТРУДНИК, например: /deactivate @ivan
err-deactivate-self = Нельзя отключить самого себя.
err-invite-usage = Формат: /invite РОЛЬ [ГРУППА] [ДНЕЙ], например: /invite программист backend или /invite внешний backend 3
err-invite-role-denied = Руководитель проекта может пригласить только программиста, тестировщика или внешнего представителя.
err-invite-group-needed = Укажите группу, которой вы руководите, например: /invite programmer backend
err-invite-days-external = Срок доступа в днях задаётся только для внешнего представителя: /invite external backend 3
err-invite-days-range = Срок доступа — от 1 до { $max } дней, например: /invite external backend 7
err-invite-invalid = Приглашение недействительно: ссылка уже использована, устарела или неверна. Попросите новую.
err-invite-already = Вы уже зарегистрированы. Команды: /help
err-lang-usage = Формат: /lang ru или /lang en
err-group-usage = Формат: /group new ИМЯ | /group lead ИМЯ СОТРУДНИК | /group add ИМЯ СОТРУДНИК | /group remove ИМЯ СОТРУДНИК (или создать, руководитель, добавить, удалить), например: /group add backend @ivan
err-group-name = Имя группы «{ $name }» не подходит: одно слово до 32 символов из букв, цифр, _ и -, например: backend
err-group-unknown = Группа «{ $name }» не найдена. Список групп: /groups
err-group-exists = Группа { $name } уже есть.
err-group-lead-role = { $person } не может руководить группой: нужна роль руководителя проекта или администратора, см. /role.
err-group-not-lead = Вы не руководите группой { $name }.
err-bindchat-private = Отправьте /bindchat ИМЯ_ГРУППЫ в групповом чате, который нужно привязать.
err-bindchat-usage = Формат: /bindchat ИМЯ_ГРУППЫ, например: /bindchat backend
unknown-command-named = Команды /{ $command } нет. Список доступных команд: /help
unknown-command-suggest = Команды /{ $command } нет. Возможно, вы имели в виду: { $suggestions }. Все команды: /help
edited-message = Изменённые сообщения бот не читает: отправьте команду или запись времени новым сообщением. Последнюю запись времени отменяет /undo.
edited-message-external = Изменённые сообщения бот не читает: отправьте команду или комментарий новым сообщением.
refuse-deactivated = Ваш доступ к боту отключён с { $date }. Вернуть его может администратор: попросите у него новое приглашение.
refuse-deactivated-undated = Ваш доступ к боту отключён. Вернуть его может администратор: попросите у него новое приглашение.
refuse-expired = Ваш доступ внешнего представителя закончился { $date }. Вернуть его может администратор: попросите у него новое приглашение.
invite-joined = По вашему приглашению присоединился { $person }: { $role }.
err-person-ambiguous = Имя «{ $ref }» есть у нескольких сотрудников: { $codes }. Укажите нужного по номеру, например { $first }.
err-role-word = Нет такой роли: «{ $token }». Роли: админ, руководитель, программист, тестировщик, внешний. Например: /role @ivan тестировщик
err-keyword-switch = Не понял «{ $token }»: пишите да или нет (on, off), например: /listed e12 нет
err-group-action = Не понял действие «{ $token }»: пишите new, lead, add или remove (создать, руководитель, добавить, удалить), например: /group add backend @ivan
