from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models.organisations import Organisation


class CasePartner(models.Model):
    """An organisation a case names as its partner. The rows keep the order the partners were
    given in (by id, see relations.py), and whether the partner has confirmed it: a case
    counts among a partner's innovations only once the partner says it took part."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    # True unless an editor named another organisation (relations.partners_set): the import,
    # the admin and a system process write rows without this column, and the migration
    # confirmed every partner named before confirmation existed.
    confirmed = models.BooleanField(_("confirmed by the partner"), default=True, db_default=True)

    class Meta:
        # The table and unique pair Django made for the many-to-many field before.
        db_table = "cases_case_partners"
        unique_together = [("case", "organisation")]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return f"{self.organisation}: {self.case}"
