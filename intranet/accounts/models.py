# Roles are groups (see roles.py); this module exists so that Django sends this
# app's post_migrate signal, which it only does for apps with a models module.
