"""What is wrong in a commune's folder, said where it is: file, record, field."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self):
        where = " · ".join(part for part in (self.file, self.record, self.field) if part)
        return f"{where}: {self.message}"


class CommuneDataInvalid(Exception):
    """The folder was refused as a whole; ``problems`` names every mistake."""

    def __init__(self, problems):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the commune's folder")
