"""Django admin for administrators (is_staff): units, people and positions, users' roles."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from chidao.organisation.models import Person, Position, Profile, Unit

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
    list_display = ["user", "role", "province_code", "unit", "person"]
    list_filter = ["role", "province_code"]
    search_fields = ["user__username", "user__first_name", "unit__name", "person__full_name"]
    autocomplete_fields = ["user", "unit", "person"]
    list_select_related = ["user", "unit", "person"]


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ["unit", "person"]
    verbose_name_plural = _("vai trò")


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class ChidaoUserAdmin(UserAdmin):
    """Django's user admin with the user's role in the same form."""

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
