"""Django admin for administrators (is_staff): units, people and positions, users' roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from chidao.organisation.models import LEGACY_KINDS, Person, Position, Profile, Unit

admin.site.site_header = _("Chỉ đạo — quản trị")
admin.site.site_title = _("Chỉ đạo")
admin.site.index_title = _("Người dùng và đơn vị")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "level",
        "code",
        "province_code",
        "parent",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["kind", "province_code"]
    search_fields = ["name", "search_name", "short_name", "code"]
    autocomplete_fields = ["parent", "successors"]
    list_select_related = ["parent"]
    list_per_page = 100

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Unit], search_term: str
    ) -> tuple[QuerySet[Unit], bool]:
        """Today's units before the pre-2025 ones of the same name (the unit pickers)."""
        queryset, distinct = super().get_search_results(request, queryset, search_term)
        legacy = Case(
            When(Q(kind__in=LEGACY_KINDS) | Q(valid_to__isnull=False), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.select_related("parent").order_by(legacy, "search_name", "pk"), distinct


class UnitAutocompleteJsonView(AutocompleteJsonView):
    """The admin's unit pickers label pre-2025 units: "Xã Hoằng Tiến (trước 7/2025, huyện …)"."""

    def serialize_result(self, obj: Any, to_field_name: str) -> dict[str, Any]:
        # Django has had serialize_result since 3.2; django-stubs 5.2 does not declare it
        result: dict[str, Any] = super().serialize_result(obj, to_field_name)  # type: ignore[misc]
        if isinstance(obj, Unit):
            result["text"] = obj.label
        return result


def _autocomplete_view(request: HttpRequest) -> HttpResponse:
    response = UnitAutocompleteJsonView.as_view(admin_site=admin.site)(request)
    assert isinstance(response, HttpResponse)  # the view answers a JsonResponse or raises
    return response


admin.site.autocomplete_view = _autocomplete_view  # type: ignore[method-assign]


def installation_province_code() -> str:
    from django.conf import settings

    from chidao.organisation.access import _configured_province_code

    return _configured_province_code(settings.CHIDAO_PROVINCE) or ""


class ProfileForm(forms.ModelForm):
    """A profile's province defaults to the installation's (CHIDAO_PROVINCE)."""

    class Meta:
        model = Profile
        fields = [
            "user",
            "role",
            "province_code",
            "unit",
            "person",
            "title",
            "phone",
            "must_change_password",
        ]
        help_texts = {
            "province_code": _("Mã tỉnh của cài đặt này được điền sẵn (38 là Thanh Hóa)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "province_code" in self.fields and not self.initial.get("province_code"):
            self.initial["province_code"] = installation_province_code()


class PositionInline(admin.TabularInline):
    model = Position
    extra = 1
    autocomplete_fields = ["unit"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "province_code"]
    list_filter = ["province_code"]
    search_fields = ["full_name", "search_name"]
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "unit", "start", "end"]
    search_fields = ["person__full_name", "person__search_name", "title"]
    autocomplete_fields = ["person", "unit"]
    list_select_related = ["person", "unit"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    form = ProfileForm
    list_display = ["user", "role", "province_code", "unit", "person"]
    list_filter = ["role", "province_code"]
    search_fields = ["user__username", "user__first_name", "unit__name", "person__full_name"]
    autocomplete_fields = ["user", "unit", "person"]
    list_select_related = ["user", "unit", "person"]


class ProfileInline(admin.StackedInline):
    model = Profile
    form = ProfileForm
    can_delete = False
    autocomplete_fields = ["unit", "person"]
    verbose_name_plural = _("vai trò")


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


class UserCreationForm(AdminUserCreationForm):
    """The admin's new-user form: the passwords typed stay when another field is refused,
    and every account signs in with a password (no "password-based authentication" switch)."""

    usable_password = None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("password1", "password2"):
            self.fields[name].widget.render_value = True


@admin.register(User)
class ChidaoUserAdmin(UserAdmin):
    """Django's user admin with the user's role in the same form."""

    add_form = UserCreationForm
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "first_name", "email", "password1", "password2"),
            },
        ),
    )
    inlines = [ProfileInline]
    list_display = ["username", "first_name", "is_staff", "is_active", "role"]
    list_select_related = ["profile"]

    @admin.display(description=_("vai trò"))
    def role(self, user: object) -> str:
        profile = getattr(user, "profile", None)
        return profile.get_role_display() if profile is not None else ""


def _throttled_admin_login() -> None:
    from chidao.web.forms import ThrottledAdminAuthenticationForm

    admin.site.login_form = ThrottledAdminAuthenticationForm


_throttled_admin_login()
