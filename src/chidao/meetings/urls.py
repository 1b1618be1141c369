"""URLs of ingest, review and session pages (names used by the navigation: see notes/web.md)."""

from django.urls import path

from chidao.meetings.views import documents, ingest, petitions, review, sessions

app_name = "meetings"
# confirming and correcting sessions (they write tasks too): chidao.workflow.urls, joined to
# this namespace in chidao.web.urls
urlpatterns = [
    path("", sessions.session_list, name="session_list"),
    path("<int:pk>/", sessions.session, name="session"),
    path("ingest/", ingest.ingest, name="ingest"),
    path("documents/", documents.document_list, name="document_list"),
    path("documents/<int:pk>/", documents.review, name="review"),
    path("documents/<int:pk>/session/", review.set_session, name="review_session"),
    path("documents/<int:pk>/units/", review.unit_search, name="review_units"),
    path(
        "documents/<int:pk>/directives/<slug:item_id>/",
        review.edit_directive,
        name="review_directive",
    ),
    path(
        "documents/<int:pk>/directives/<slug:item_id>/split/",
        review.split_directive,
        name="review_split",
    ),
    path(
        "documents/<int:pk>/directives/<slug:item_id>/merge/",
        review.merge_directives,
        name="review_merge",
    ),
    path(
        "documents/<int:pk>/items/<str:kind>/<slug:item_id>/", review.edit_item, name="review_item"
    ),
    path(
        "documents/<int:pk>/items/<str:kind>/<slug:item_id>/drop/",
        review.drop_item,
        name="review_drop",
    ),
    path("documents/<int:pk>/items/add/", review.add_item, name="review_add"),
    path("documents/<int:pk>/items/undo/", review.restore_dropped, name="review_undo"),
    path("documents/<int:pk>/discard/", review.discard, name="review_discard"),
    path("petitions/<int:pk>/", petitions.petition, name="petition"),
    path("petitions/<int:pk>/answer/", petitions.answer, name="petition_answer"),
    path("petitions/<int:pk>/close/", petitions.close, name="petition_close"),
]
