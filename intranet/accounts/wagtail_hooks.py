from wagtail import hooks

from intranet.core import audit as core_audit

from . import audit


@hooks.register("register_log_actions")
def register_roles_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)
