"""Who may run which command: the single table behind /help, the command menu and the
role filters on routers (SPEC §1 and §8)."""

from __future__ import annotations

ALL_REGISTERED = frozenset({"admin", "manager", "programmer", "tester", "external"})
STAFF = frozenset({"admin", "manager", "programmer", "tester"})
REVIEWERS = frozenset({"admin", "manager", "tester"})
MANAGERS = frozenset({"admin", "manager"})
ADMINS = frozenset({"admin"})

# Ordered as /help shows them.
COMMANDS: dict[str, frozenset[str]] = {
    "start": ALL_REGISTERED,
    "help": ALL_REGISTERED,
    "me": ALL_REGISTERED,
    "lang": ALL_REGISTERED,
    "tasks": ALL_REGISTERED,
    "task": ALL_REGISTERED,
    "comment": ALL_REGISTERED,
    "log": STAFF,
    "timer": STAFF,
    "stop": STAFF,
    "undo": STAFF,
    "hours": STAFF,
    "timesheet": STAFF,
    "schedule": STAFF,
    "payroll": STAFF,
    "leave": STAFF,
    "balance": STAFF,
    "remind": STAFF,
    "review": REVIEWERS,
    "newtask": MANAGERS,
    "edit": MANAGERS,
    "assign": MANAGERS,
    "cancel": MANAGERS,
    "plan": MANAGERS,
    "team": MANAGERS,
    "groups": MANAGERS,
    "invite": MANAGERS,
    "bindchat": MANAGERS,
    "unbindchat": MANAGERS,
    "role": ADMINS,
    "listed": ADMINS,
    "deactivate": ADMINS,
    "group": ADMINS,
    "absence": ADMINS,
    "holiday": ADMINS,
    "pay": ADMINS,
    "bonus": ADMINS,
    "deduct": ADMINS,
    "unlock": ADMINS,
    "tabel": ADMINS,
    "jobs": ADMINS,
}


def allowed(command: str, role: str) -> bool:
    return role in COMMANDS.get(command, frozenset())


def commands_for(role: str) -> list[str]:
    return [name for name, roles in COMMANDS.items() if role in roles]


# /help's sections in the order shown; every command but /start (which a registered person no
# longer needs) is in exactly one.
TOPICS: dict[str, tuple[str, ...]] = {
    "time": (
        "log",
        "timer",
        "stop",
        "undo",
        "hours",
        "timesheet",
        "schedule",
        "payroll",
        "leave",
        "balance",
        "remind",
    ),
    "tasks": ("tasks", "task", "comment", "review", "newtask", "edit", "assign", "cancel", "plan"),
    "team": ("team", "groups", "invite", "bindchat", "unbindchat"),
    "admin": (
        "role",
        "listed",
        "deactivate",
        "group",
        "absence",
        "holiday",
        "pay",
        "bonus",
        "deduct",
        "unlock",
        "tabel",
        "jobs",
    ),
    "general": ("me", "lang", "help"),
}
# Commands that do more for some roles, so their /help line differs: (command, role) -> variant.
HELP_VARIANTS: dict[tuple[str, str], str] = {
    ("tasks", "admin"): "lead",
    ("tasks", "manager"): "lead",
    ("tasks", "external"): "external",
    ("schedule", "admin"): "admin",
    ("hours", "admin"): "lead",
    ("hours", "manager"): "lead",
    ("timesheet", "admin"): "lead",
    ("timesheet", "manager"): "lead",
    ("payroll", "admin"): "admin",
}


def help_sections(role: str) -> list[tuple[str, list[str]]]:
    """(topic, commands) for /help: only the commands `role` may use, empty topics left out."""
    sections = []
    for topic, names in TOPICS.items():
        mine = [name for name in names if allowed(name, role)]
        if mine:
            sections.append((topic, mine))
    return sections


# Which roles a manager may invite; an admin may invite any role.
MANAGER_INVITES = frozenset({"programmer", "tester", "external"})


def may_invite(inviter_role: str, role: str) -> bool:
    if inviter_role == "admin":
        return role in {"admin", "manager", "programmer", "tester", "external"}
    return inviter_role == "manager" and role in MANAGER_INVITES


# The Mini App's screens, each for the people who may run the chat command behind it:
# my week (/hours), the plan (/plan), everyone's payroll (an admin's /payroll).
WEBAPP_SCREENS: dict[str, frozenset[str]] = {"week": STAFF, "plan": MANAGERS, "payroll": ADMINS}


def webapp_screens(role: str) -> list[str]:
    return [name for name, roles in WEBAPP_SCREENS.items() if role in roles]


def sees_everyones_pay(role: str) -> bool:
    return role in ADMINS
