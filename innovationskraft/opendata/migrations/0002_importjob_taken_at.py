from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("opendata", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="taken_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="taken by a worker"),
        ),
    ]
