"""All models, imported so that Base.metadata knows every table."""

from models.base import Base
from models.calendar import Absence, HolidayOverride, Schedule
from models.leave import LeaveRequest, ReminderOptOut, WeekApproval
from models.pay import MonthLock, MonthLockEvent, PayAdjustment, PayrollSnapshot, PaySetting
from models.people import DevGroup, Employee, GroupMember, Invite
from models.system import DataVersion, JobRun, Lease, ProcessedUpdate, SentMessage
from models.tasks import Task, TaskEvent
from models.timelog import EntryAudit, TimeEntry, Timer

__all__ = [
    "Absence",
    "Base",
    "DataVersion",
    "DevGroup",
    "Employee",
    "EntryAudit",
    "GroupMember",
    "HolidayOverride",
    "Invite",
    "JobRun",
    "Lease",
    "LeaveRequest",
    "MonthLock",
    "MonthLockEvent",
    "PayAdjustment",
    "PaySetting",
    "PayrollSnapshot",
    "ProcessedUpdate",
    "ReminderOptOut",
    "Schedule",
    "SentMessage",
    "Task",
    "TaskEvent",
    "TimeEntry",
    "Timer",
    "WeekApproval",
]
