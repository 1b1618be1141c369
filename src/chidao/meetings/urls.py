"""URLs of ingest, review and session pages (names used by the navigation: see notes/web.md)."""

from django.urls import path

from chidao.meetings.views import corrections, documents, ingest, review, sessions

app_name = "meetings"
urlpatterns = [
    path("", sessions.session_list, name="session_list"),
    path("<int:pk>/", sessions.session, name="session"),
    path("<int:pk>/delete/", corrections.delete_session, name="session_delete"),
    path("<int:pk>/directives/add/", corrections.add_directive, name="directive_add"),
    path(
        "<int:pk>/directives/<int:directive_pk>/edit/",
        corrections.edit_directive,
        name="directive_edit",
    ),
    path(
        "<int:pk>/directives/<int:directive_pk>/withdraw/",
        corrections.withdraw_directive,
        name="directive_withdraw",
    ),
    path(
        "<int:pk>/directives/<int:directive_pk>/reassign/",
        corrections.reassign_directive,
        name="directive_reassign",
    ),
    path("directives/<int:directive_pk>/comment/", corrections.comment, name="directive_comment"),
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
    path("documents/<int:pk>/confirm/", review.confirm, name="review_confirm"),
    path("documents/<int:pk>/discard/", review.discard, name="review_discard"),
]
