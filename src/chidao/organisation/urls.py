from django.urls import path

from chidao.organisation import views

app_name = "organisation"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("accounts/officers/", views.officer_accounts, name="officer_accounts"),
]
