"""Drive a page as a person without a mouse does: Tab, Shift+Tab, Enter, Space, typing.

``tab_to`` proves that an element is reachable in the tab order (not only that it
exists), and that the focus on it can be seen.
"""

from playwright.sync_api import Locator, Page

MAX_TABS = 400

DESCRIBE_FOCUS = """() => {
  const e = document.activeElement;
  if (!e) return "nothing";
  const label = e.getAttribute("aria-label") || e.innerText || e.value || "";
  return `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} «${label.trim().slice(0, 50)}»`;
}"""

HOLDS_FOCUS = "e => e === document.activeElement || e.contains(document.activeElement)"

FOCUS_IS_VISIBLE = """e => {
  const style = getComputedStyle(document.activeElement);
  return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none";
}"""


TYPING_DELAY_MS = 20


class Keyboard:
    def __init__(self, page: Page):
        self.page = page

    def press(self, key):
        self.page.keyboard.press(key)

    def type(self, text):
        """Type as a person does, a key at a time: on a busy machine, the admin's rich text
        editors lose keys sent faster than they render."""
        self.page.keyboard.type(text, delay=TYPING_DELAY_MS)

    def focused(self):
        return self.page.evaluate(DESCRIBE_FOCUS)

    def tab_to(self, target: Locator, *, backwards=False, limit=MAX_TABS):
        """Press Tab (or Shift+Tab) until ``target`` holds the focus; fail with the path taken."""
        trail = []
        for _ in range(limit):
            if target.count() and target.first.evaluate(HOLDS_FOCUS):
                return target.first
            self.press("Shift+Tab" if backwards else "Tab")
            trail.append(self.focused())
        raise AssertionError(
            f"{target} is not reachable by keyboard; focus went through: "
            + " → ".join(trail[:40])
            + (" …" if len(trail) > 40 else "")
        )

    def focus_is_visible(self):
        return self.page.evaluate(f"() => ({FOCUS_IS_VISIBLE})(document.activeElement)")

    def activate(self, target: Locator, **tab_options):
        """Tab to ``target`` and press Enter on it."""
        self.tab_to(target, **tab_options)
        self.press("Enter")
