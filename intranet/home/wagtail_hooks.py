from wagtail import hooks

from intranet.core.stale_saves import refuse_stale_page_save


@hooks.register("construct_main_menu")
def hide_online_help(request, menu_items):
    """Wagtail's help menu only links to its website, which the commune's network may not reach."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]


# Wagtail refuses a stale autosave but not a stale click on "Save" or "Publish":
# two editors of one procedure or council decision would otherwise lose each
# other's changes. Registered first, before any hook that would act on the save.
hooks.register("before_edit_page", refuse_stale_page_save, order=-100)
