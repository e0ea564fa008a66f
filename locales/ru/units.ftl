# Units of measure, used by views.formats.
unit-hours = { $value } ч
unit-minutes = { $value } мин
unit-hours-minutes = { $hours } ч { $minutes } мин
unit-days =
    { $count ->
        [one] { $value } день
        [few] { $value } дня
        [many] { $value } дней
       *[other] { $value } дня
    }
