# Pay settings (/pay) and payroll (/payroll, the monthly summary).

pay-month-name = { $name } { $year }
pay-month-1 = January
pay-month-2 = February
pay-month-3 = March
pay-month-4 = April
pay-month-5 = May
pay-month-6 = June
pay-month-7 = July
pay-month-8 = August
pay-month-9 = September
pay-month-10 = October
pay-month-11 = November
pay-month-12 = December
pay-type-fixed-by-hours = fixed by hours
pay-type-hourly = hourly
pay-type-salary = salary
pay-rule-fixed = fixed { $amount } for { $hours } h a month
pay-rule-fixed-schedule = fixed { $amount } for the scheduled hours
pay-rule-hourly = hourly { $amount }/h
pay-rule-salary = salary { $amount } a month
pay-rule-k = , overtime ×{ $k }

pay-set = { $person }: from { $month } — { $rule }.
pay-set-replaced = { $person }: the terms from { $month } were replaced — { $rule }.
pay-set-until = In force until { $until }: from { $until } the later terms apply.
pay-notify = Your pay terms from { $month }: { $rule }. Your pay for the month: /payroll
pay-history-title = { $person } — pay terms:
pay-history-line = from { $month }: { $rule }
pay-history-current = {" "}← now
pay-history-change = Change: /pay { $ref } { $args } from { $month }
pay-history-empty = No pay terms: { $person }. Set them: /pay { $ref } fixed_by_hours 100000 160 1.5 from { $month }; hourly: /pay { $ref } hourly RATE; salary: /pay { $ref } salary BASE

payroll-title = Pay for { $month }
payroll-own-title = Your pay for { $month }
payroll-person-title = { $person } — pay for { $month }
payroll-so-far = The month is not over: figures as of { $date }, the amount covers the hours logged so far.
payroll-locked = The month is locked: the summary was sent, only an administrator can change its time entries.
payroll-totals =
    { $count ->
        [one] { $count } employee
       *[other] { $count } employees
    }. Worked { $worked } h, overtime { $overtime } h. Total to pay: { $amount }
payroll-no-norm-count = No norm: { $count } — the amount is not computed, what to set is in the lines marked ⚠.
payroll-files = Files: /payroll { $month } xlsx · /payroll { $month } csv
payroll-row = { $code } { $name } — { $type }: { $hours } → { $amount }
payroll-row-no-norm = ⚠ { $code } { $name } — { $type }: { $worked } h, no norm, amount not computed. { $hint }
payroll-hours = { $worked } h
payroll-hours-norm = { $worked } of { $norm } h
payroll-hours-overtime = { $worked } of { $norm } h, overtime { $overtime } h
payroll-hint = Set a schedule: /schedule { $code } 8 8 8 8 8 0 0 from { $first } or a fixed norm: /pay { $code } { $args } from { $month }
payroll-page = Page { $page } of { $pages }
payroll-empty = Nobody has pay terms for { $month }. Set them: /pay e2 salary 100000 from { $code }
payroll-own-terms = Terms: { $rule }
payroll-own-worked = Worked: { $hours } h
payroll-own-norm = Norm: { $hours } h
payroll-own-overtime = Overtime: { $hours } h
payroll-own-amount = To pay: { $amount }
payroll-own-no-norm = To pay: not computed — these terms need a norm of hours and there is no work schedule for this month. Please tell an administrator.
payroll-own-none = You have no pay terms for { $month }; an administrator sets them.
payroll-person-none = No pay terms for { $month }: { $person }. Set them: /pay { $ref } salary 100000 from { $code }
payroll-file-caption = Pay for { $month } — employees: { $count }, without a norm: { $missing }, total: { $amount }
payroll-others-denied = Only an administrator sees everyone's pay.
payroll-xlsx-title = Payroll { $month }
payroll-xlsx-total = Total
payroll-col-employee = Employee
payroll-col-full-name = Name
payroll-col-telegram-id = Telegram ID
payroll-col-pay-type = Pay type
payroll-col-worked-h = Worked, h
payroll-col-norm-h = Norm, h
payroll-col-overtime-h = Overtime, h
payroll-col-amount = Amount
payroll-col-currency = Currency

err-pay-private-chat = Pay is discussed only in a private chat with the bot, so that nobody else sees it. Write to me directly, for example: /{ $command }
err-pay-usage = Format: /pay PERSON TYPE NUMBERS… [from YYYY-MM]. Types: fixed_by_hours BASE HOURS [K], hourly RATE [K], salary BASE. For example: /pay e5 fixed_by_hours 100000 160 1.5 from 2026-04. To see the terms: /pay e5
err-pay-type = There is no pay type “{ $token }”. Types: fixed_by_hours BASE HOURS [K], hourly RATE [K], salary BASE. For example: /pay { $ref } hourly 1500
err-pay-count-missing = Numbers are missing. Needed: fixed_by_hours BASE HOURS [K], hourly RATE [K] or salary BASE. For example: /pay { $ref } fixed_by_hours 100000 160
err-pay-count-extra = Unexpected argument “{ $token }”. Needed: fixed_by_hours BASE HOURS [K], hourly RATE [K] or salary BASE, the month last. For example: /pay { $ref } hourly 1500 1.5 from 2026-04
err-pay-number = “{ $token }” is not a number. Use digits, no signs or exponents, up to 2 decimals (3 for K). For example: /pay { $ref } hourly 1500.50
err-pay-range = The number “{ $token }” is out of range: BASE and RATE above 0, HOURS 0 to 744 (0 = by the schedule), K 1 to 10. For example: /pay { $ref } fixed_by_hours 100000 160 1.5
err-pay-month = “{ $token }” is not a month: write YYYY-MM. For example: /pay { $ref } hourly 1500 from 2026-04
err-pay-month-missing = A month YYYY-MM must follow “from”. For example: /pay { $ref } hourly 1500 from 2026-04
err-pay-month-far = The month { $month } is out of range: { $earliest } to { $latest }. For example: /pay { $ref } hourly 1500 from { $latest }
err-pay-month-locked = The pay for { $locked } has been sent and the month is locked: new terms would change it. Set them from a later month, for example: { $example }
err-pay-external = { $person } is an external representative and has no pay. To pay them, change the role first, for example: /role { $ref } programmer
err-payroll-usage = Format: /payroll [YYYY-MM] [csv|xlsx]. For example: /payroll 2026-03 or /payroll 2026-03 xlsx
err-payroll-arg = I did not understand “{ $token }”. Format: /payroll [YYYY-MM] [csv|xlsx], for example: /payroll 2026-03 csv
err-payroll-month = “{ $token }” is not a month: write YYYY-MM, for example: /payroll 2026-03
err-payroll-future = { $month } has not come yet. This month: /payroll, last month: /payroll { $previous }
err-payroll-files-admin = Only an administrator gets the payroll files. Your pay: /payroll { $month }
err-payroll-others-admin = Only an administrator sees other people's pay. Your pay: /payroll
