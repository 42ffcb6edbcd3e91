from wagtail import hooks


@hooks.register("construct_main_menu")
def hide_online_help(request, menu_items):
    """Wagtail's help menu only links to its website, which the commune's network may not reach."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
