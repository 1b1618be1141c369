"""Views of the meetings app, one module per page (actions of the review page in ``review``)."""
