"""The claims the site reads from its sign-in: name, verified address and organisation."""

from oauth2_provider.oauth2_validators import OAuth2Validator  # type: ignore[import-untyped]

from . import settings as provider_settings


class OrganisationClaimsValidator(OAuth2Validator):
    # django-oauth-toolkit hands out only the claims that one of the granted scopes covers.
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "organisation": "profile"}

    def get_additional_claims(self, request):
        user = request.user
        claims = {
            "email": user.email,
            "email_verified": True,
            "given_name": user.first_name,
            "family_name": user.last_name,
        }
        # A user without an organisation gets no claim at all, as from a provider that has none
        # on record, so the relying party's handling of the missing claim can be tested.
        organisation = provider_settings.ORGANISATION_BY_USERNAME.get(user.get_username())
        if organisation:
            claims["organisation"] = organisation
        return claims

    def get_discovery_claims(self, request):
        # Claims built per request are left out of discovery by default; list them anyway.
        return ["sub", "email", "email_verified", "given_name", "family_name", "organisation"]
