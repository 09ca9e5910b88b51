from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        # Addresses are stored in lower case; people type them in any case when signing in.
        return self.get(email__iexact=username)

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        # An account made by an administrator or a command needs no confirmation link.
        if extra_fields.get("is_active", True):
            extra_fields.setdefault("verified_at", timezone.now())
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address; there are no user names."""

    class SiteRole(models.TextChoices):
        NONE = "", _("None")
        MODERATOR = "moderator", _("Moderator")
        ADMINISTRATOR = "administrator", _("Administrator")

    # No user names: the e-mail address is the name (the stubs know no way to drop a field).
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    site_role = models.CharField(
        _("site role"), max_length=20, choices=SiteRole.choices, blank=True, default=""
    )
    # The language the site writes to her in (mail): the one she used when she signed up.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # When the owner of the address confirmed it (or the account was made by someone trusted);
    # None while a signed-up account waits for its link (accounts/signup.py).
    verified_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    # Not a subclass of Django's UserManager, whose create_user takes a user name first.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_waiting_for_confirmation(self) -> bool:
        """Signed up, and the link sent to the address not yet opened."""
        return not self.is_active and self.verified_at is None

    @property
    def is_moderator(self) -> bool:
        """Moderators review cases; administrators and superusers may do all a moderator may."""
        return self.is_active and (self.is_superuser or self.site_role != self.SiteRole.NONE)


class Membership(models.Model):
    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        ADMIN = "admin", _("Administrator")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "cases.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_each")
        ]

    def __str__(self):
        return f"{self.user}, {self.organisation} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A personal key to the REST API. Only the SHA-256 hash of the secret is kept: the secret
    is shown once, when the token is made, and cannot be read back. It works until it expires
    or is revoked: by its owner, by a new password, or when she leaves her last organisation."""

    class Scope(models.TextChoices):
        READ = "read", _("Read")
        WRITE = "write", _("Read and write")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The start of the secret, shown so the owner can tell her tokens apart.
    prefix = models.CharField(_("prefix"), max_length=16)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set for every token (migration 0006 gave the older ones one); null would never expire.
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE
