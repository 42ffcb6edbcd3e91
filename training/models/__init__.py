"""Training: courses (pages) and their sessions, enrolments and attendance (records)."""

from .courses import CoursePage, TrainingIndexPage
from .sessions import Enrolment, TrainingSession

__all__ = ["CoursePage", "Enrolment", "TrainingIndexPage", "TrainingSession"]
