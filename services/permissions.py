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
    "schedule": STAFF,
    "payroll": STAFF,
    "review": REVIEWERS,
    "newtask": MANAGERS,
    "assign": MANAGERS,
    "cancel": MANAGERS,
    "plan": MANAGERS,
    "team": MANAGERS,
    "groups": MANAGERS,
    "invite": MANAGERS,
    "bindchat": MANAGERS,
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


# Which roles a manager may invite; an admin may invite any role.
MANAGER_INVITES = frozenset({"programmer", "tester", "external"})


def may_invite(inviter_role: str, role: str) -> bool:
    if inviter_role == "admin":
        return role in {"admin", "manager", "programmer", "tester", "external"}
    return inviter_role == "manager" and role in MANAGER_INVITES
