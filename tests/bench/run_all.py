"""Run every benchmark script in this folder, one after another (./dev.sh bench)."""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
failed = 0
for script in sorted(here.glob("bench_*.py")):
    print(f"\n=== {script.name}", flush=True)
    failed |= subprocess.call([sys.executable, str(script), *sys.argv[1:]]) != 0
sys.exit(failed)
