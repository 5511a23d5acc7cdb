"""Student registration records (学籍) and the rules about them."""

from dropout_control.registry.model import (
    CancelReason,
    IdType,
    LeftBehind,
    RecordStatus,
    StudentRecord,
    StudyMode,
)

__all__ = ["CancelReason", "IdType", "LeftBehind", "RecordStatus", "StudentRecord", "StudyMode"]
