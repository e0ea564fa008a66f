# The /newtask dialog in one message, leaving dialogs, one confirmation per button press

dialog-description = A description? Write it in one message (several lines are fine) or press Skip.
dialog-current = Now: { $value }
dialog-summary-description = Description: { $description }
btn-back = ← Back

quick-logged = Logged { $duration } on #{ $id }, day total { $total }.
quick-log-repeat = Already logged: { $duration } on #{ $id }. The second tap does not count.
