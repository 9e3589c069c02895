"""`python -m benchmarks`: the speed-and-scale benchmark (benchmarks/run.py)."""

from benchmarks.run import main

raise SystemExit(main())
