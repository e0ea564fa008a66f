# Units of measure, used by views.formats.
unit-hours = { $value } h
unit-minutes = { $value } min
unit-hours-minutes = { $hours } h { $minutes } min
unit-days =
    { $count ->
        [one] { $value } day
       *[other] { $value } days
    }
