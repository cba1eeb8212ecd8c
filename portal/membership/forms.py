"""The public application form of the national network (/network/apply/)."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core.filters import DisplayNameChoiceField
from networks.models import Field, Municipality, NetworkApplication, Organization, Prefecture
from networks.services.membership import duplicate_reason, normalise_name
from networks.validators import validate_lg_code

Kind = NetworkApplication.ApplicantKind

# A local government applies as a municipality, by its code.
ORGANIZATION_KINDS = [
    (value, label)
    for value, label in Organization.Kind.choices
    if value != Organization.Kind.LOCAL_GOVERNMENT
]
# How many same-named municipalities a name typed in the code box lists.
NAME_CANDIDATES = 10


class ApplicationForm(forms.Form):
    """Every rule the server checks, each refusal in words (never a 500).

    `website` is a honeypot: hidden from people (CSS and aria-hidden), left
    empty by them, filled by form-filling robots (the view drops those).
    """

    required_css_class = "required"

    applicant_kind = forms.ChoiceField(
        label=_("申込者の種別"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("申込者の種別を選んでください。")},
    )
    municipality_code = forms.CharField(
        label=_("全国地方公共団体コード（6桁）"),
        required=False,
        max_length=20,
        help_text=_(
            "地方公共団体の場合に入力します（例：熊本市は431001）。"
            "市区町村名は全国で重複することがあるため、団体コードで確認します。"
        ),
    )
    organization_name = forms.CharField(
        label=_("企業・団体名"),
        required=False,
        max_length=200,
        help_text=_("企業・団体の場合に入力します。"),
    )
    organization_kind = forms.ChoiceField(
        label=_("企業・団体の種別"),
        required=False,
        choices=[("", "---------"), *ORGANIZATION_KINDS],
        error_messages={"invalid_choice": _("企業・団体の種別を一覧から選んでください。")},
    )
    prefecture = DisplayNameChoiceField(
        label=_("所在地の都道府県"),
        queryset=Prefecture.objects.all(),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("都道府県を一覧から選んでください。")},
    )
    contact_name = forms.CharField(
        label=_("担当者名"),
        max_length=100,
        error_messages={"required": _("担当者名を入力してください。")},
    )
    email = forms.EmailField(
        label=_("メールアドレス"),
        max_length=254,
        help_text=_("受付のお知らせと審査の結果をお送りします。"),
        error_messages={
            "required": _("メールアドレスを入力してください。"),
            "invalid": _("メールアドレスの形式が正しくありません（例：taro@example.jp）。"),
        },
    )
    # Not `fields`: a form's `fields` is its dict of fields.
    interests = forms.ModelMultipleChoiceField(
        label=_("関心のある分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("分野を一覧から選んでください。")},
    )
    message = forms.CharField(
        label=_("連絡事項（任意）"), required=False, max_length=2000, widget=forms.Textarea
    )
    website = forms.CharField(
        label=_("この欄は空のままにしてください"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["interests"].label_from_instance = lambda field: field.display_name

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_municipality_code(self) -> Municipality | None:
        value = unicodedata.normalize("NFKC", self.cleaned_data["municipality_code"])
        value = value.strip().replace("-", "")
        if self.data.get("applicant_kind") != Kind.MUNICIPALITY:
            return None
        if not value:
            raise ValidationError(_("地方公共団体の場合は、団体コードを入力してください。"))
        if not value.isdigit():
            raise ValidationError(self._name_typed(value))
        validate_lg_code(value)
        municipality = Municipality.objects.select_related("prefecture").filter(code=value).first()
        if municipality is None:
            raise ValidationError(
                _(
                    "団体コード %(code)s の市区町村は見つかりません。"
                    "総務省の全国地方公共団体コード一覧で確かめてください。"
                ),
                params={"code": value},
            )
        return municipality

    def _name_typed(self, name: str) -> str:
        """A name in the code box: the municipalities of that name, with their codes."""
        found = list(
            Municipality.objects.select_related("prefecture")
            .filter(name=name)
            .order_by("code")[:NAME_CANDIDATES]
        )
        if not found:
            return gettext("団体コードは6桁の数字で入力してください（例：熊本市は431001）。")
        candidates = pgettext("列挙の区切り", "、").join(
            f"{m.code}（{m.prefecture.name}{m.name}）" for m in found
        )
        return gettext(
            "団体コードを数字で入力してください。「%(name)s」の団体コードは次のとおりです：%(candidates)s"
        ) % {"name": name, "candidates": candidates}

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("applicant_kind")
        if kind == Kind.ORGANIZATION:
            cleaned["organization_name"] = normalise_name(cleaned.get("organization_name", ""))
            if not cleaned["organization_name"]:
                self.add_error("organization_name", _("企業・団体名を入力してください。"))
            if not cleaned.get("organization_kind") and "organization_kind" not in self.errors:
                self.add_error("organization_kind", _("企業・団体の種別を選んでください。"))
            if not cleaned.get("prefecture") and "prefecture" not in self.errors:
                self.add_error("prefecture", _("所在地の都道府県を選んでください。"))
        if self.errors:
            return cleaned
        reason = duplicate_reason(
            municipality=cleaned.get("municipality_code"),
            organization_name=cleaned.get("organization_name", ""),
        )
        if reason:
            raise ValidationError(reason, code="duplicate")
        return cleaned

    def submission(self) -> dict:
        """The arguments of networks.services.submit_application."""
        data = self.cleaned_data
        return {
            "applicant_kind": data["applicant_kind"],
            "municipality": data["municipality_code"],
            "organization_name": data["organization_name"],
            "organization_kind": data["organization_kind"],
            "prefecture": data["prefecture"],
            "contact_name": data["contact_name"],
            "email": data["email"],
            "fields": data["interests"],
            "message": data["message"],
        }
