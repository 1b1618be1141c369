"""Notifications: in the application (the bell, the list) and by e-mail.

The services of ``chidao.tasks`` and ``chidao.workflow`` call :mod:`.services` when something
happens that a unit or the office must hear about (a new task, a returned report, a decided
extension, a leader's follow-up, a completion report or an extension request for the office);
``chidao remind`` adds the daily reminders (due within N days, overdue). Nothing here is
called from a view.

Layers: this app imports ``chidao.tasks.models`` and ``chidao.tasks.access`` (who may see a
task), never ``chidao.tasks.services`` — the task services import this one.
"""
