"""演示模式: for the evaluation meeting on a projector: one chart per screen, its key message in large type,
previous and next, no sidebar."""

from perfboard import ui

ui.presentation(ui.current_selection())
