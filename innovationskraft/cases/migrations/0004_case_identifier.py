import uuid

from django.db import migrations, models

import innovationskraft.cases.models.cases


def give_every_case_an_identifier(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    cases = list(Case.objects.filter(identifier__isnull=True).only("pk"))
    for case in cases:
        case.identifier = str(uuid.uuid4())
    Case.objects.bulk_update(cases, ["identifier"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_library_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="identifier",
            field=models.CharField(editable=False, max_length=100, null=True, verbose_name="identifier"),
        ),
        migrations.RunPython(give_every_case_an_identifier, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="case",
            name="identifier",
            field=models.CharField(
                default=innovationskraft.cases.models.cases.new_case_identifier,
                editable=False,
                max_length=100,
                unique=True,
                verbose_name="identifier",
            ),
        ),
    ]
