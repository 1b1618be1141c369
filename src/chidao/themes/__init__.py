"""Recurring directives: directives that ask the same thing of different units or at
different sessions, grouped into themes computed from their words.

- :mod:`.words`: a directive's features — its words lowercased, without diacritics, without
  unit and place names, numbers and the genre's stop words, as pairs of neighbouring words;
- :mod:`.grouping`: the grouping, deterministic and never over all pairs: each directive, in
  the order of the sessions, joins the theme whose first directive is most similar to it
  (Jaccard over the features, at least ``THRESHOLD``), else starts a theme; the candidates come
  from an inverted index over the themes' features, read only for the rarest words that any
  theme similar enough must share (prefix filtering), so the cost grows with the matches,
  not with the square of the directives;
- :mod:`.services`: the stored themes, computed incrementally when a session is confirmed and
  in full by ``chidao themes --rebuild``; the office's corrections (move a directive to another
  theme or out, rename, merge) are kept when themes are computed again.

This app sits above ``chidao.meetings`` and ``chidao.tasks`` (it reads tasks' states); the
workflow calls it when a session is confirmed.
"""
