from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from innovationskraft.cases.generation import generate_cases
from innovationskraft.cases.services import organisations_seed_swedish_registry


class Command(BaseCommand):
    help = "Create N realistic synthetic published cases (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many cases to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed, for repeatable data.")

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        organisations_seed_swedish_registry()
        with tqdm(total=count, unit="case", disable=options["verbosity"] == 0) as bar:
            created = generate_cases(count=count, seed=seed, progress=bar.update)
        self.stdout.write(f"Created {created} cases.")
