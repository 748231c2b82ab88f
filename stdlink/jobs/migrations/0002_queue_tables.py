"""The queue's own tables (huey_kv, huey_task, huey_schedule, huey_counter) in the PostgreSQL
database when the queue lives there: `stdlink migrate` is the whole set-up. On SQLite the queue
is its own file (var/queue.sqlite3), created by Huey on first use."""

from django.db import migrations


def create_queue_tables(apps, schema_editor):
    from huey.contrib.djhuey import HUEY

    connection = schema_editor.connection
    if connection.vendor != "postgresql" or type(HUEY.storage).__name__ != "PostgresStorage":
        return
    with connection.cursor() as cursor:
        for statement in HUEY.storage.ddl:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_job")]

    operations = [migrations.RunPython(create_queue_tables, migrations.RunPython.noop)]
