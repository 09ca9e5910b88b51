"""The partners' many-to-many table becomes the CasePartner model, on the same table, so that
a row can say whether the partner confirmed it. Every partner named before is confirmed: the
column's default fills the existing rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0008_case_evidence'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CasePartner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='cases.case')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='cases.organisation')),
                    ],
                    options={
                        'verbose_name': 'partner organisation',
                        'verbose_name_plural': 'partner organisations',
                        'db_table': 'cases_case_partners',
                        'unique_together': {('case', 'organisation')},
                    },
                ),
                migrations.AlterField(
                    model_name='case',
                    name='partners',
                    field=models.ManyToManyField(blank=True, related_name='partner_cases', through='cases.CasePartner', to='cases.organisation', verbose_name='partner organisations'),
                ),
            ],
        ),
        migrations.AddField(
            model_name='casepartner',
            name='confirmed',
            field=models.BooleanField(db_default=True, default=True, verbose_name='confirmed by the partner'),
        ),
    ]
