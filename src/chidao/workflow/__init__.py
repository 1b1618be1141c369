"""What crosses the meetings and tasks apps: confirming a session and correcting it.

``chidao.tasks`` depends on ``chidao.meetings`` (a task belongs to a directive); so no module
of ``chidao.meetings`` imports ``chidao.tasks`` (``tests/workflow/test_layers.py`` checks it).
The writes that need both — ``sessions.confirm`` (the session, then one task per unit of each
directive) and the ``corrections`` of a confirmed session (add, edit, withdraw, reassign a
directive; delete or restore a session; a leader's comment), with their views — live here,
above both apps, and the pages, the API, the CLI and the demo call them.

Why a service above both apps rather than a signal hook (``post_save`` on ``Directive`` or a
custom "session confirmed" signal that the tasks app handles): the order of the writes is
explicit in one function (directive, then its tasks with the lead/support roles the reviewer
chose, then the audit event), all of it in one ``transaction.atomic`` that a failure rolls back
whole, and a reader sees in one place what confirming does. A signal would hide the task
creation from ``meetings``, need the units and roles smuggled through the signal's arguments,
and make "no tasks were created" a silent failure of a receiver not connected.
"""
