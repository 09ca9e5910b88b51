import os

# numpy's matrix products (the search by meaning) run on OpenBLAS threads, which by default keep
# spinning for about a tenth of a second after each product. On a machine with two cores they
# took the core that the query's embedding, the facet counts and SQLite were waiting for: hybrid
# search p95 at 100,000 cases fell from 80 to 69 ms without the spinning (docs/search.md).
# OpenBLAS reads this once, when numpy is first imported, which every entry point (manage.py,
# the WSGI application, the task worker, the tests) does after importing this package.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")
