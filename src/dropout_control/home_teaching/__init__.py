"""Home teaching (送教上门): visits, the periods taught against the yearly minimum
pro rata, the teaching school and the rules HT-001 to HT-003."""

from dropout_control.home_teaching.model import HomeTeachingVisit
from dropout_control.home_teaching.progress import TeachingProgress, teaching_progress
from dropout_control.home_teaching.queries import TeachingSchool, teaching_school

__all__ = [
    "HomeTeachingVisit",
    "TeachingProgress",
    "TeachingSchool",
    "teaching_progress",
    "teaching_school",
]
