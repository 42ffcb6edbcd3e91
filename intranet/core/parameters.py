"""Numbers read from a request: one way to read them, for every view.

``str.isdigit`` accepts "²" and "¹", which ``int`` refuses (a server error where a
visitor only mistyped), and ``int`` of thousands of digits is refused or slow.
"""

LONGEST = 18  # digits: any id, year, page or limit the intranet has, and no more


def whole_number(value, minimum=None, maximum=None, longest=LONGEST):
    """The whole number ``value`` writes, or None when it writes none or one out of range.

    Decimal digits only, ASCII or Arabic-Indic ("2026", "٢٠٢٦"); no sign, no
    spaces inside, at most ``longest`` digits.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value or len(value) > longest or not value.isdecimal():
        return None
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number
