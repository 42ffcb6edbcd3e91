from wagtail import hooks

from . import audit


@hooks.register("register_log_actions")
def register_intranet_log_actions(actions):
    audit.register(actions)
