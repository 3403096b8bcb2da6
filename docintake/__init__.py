"""docintake: read Thai official letters, tell each LAO what to do and by when."""

import os as _os

# Our numeric work (the digit classifier, image steps) is small matrices, where
# OpenBLAS's worker threads only spin: measured on 12 pages, one OCR worker took
# 15.5 s with them and 13.8 s without, and two workers went from 1.5x to 1.97x.
# Parallelism comes from the page pool instead. Must be set before numpy loads;
# setdefault leaves a value the user chose alone.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
_os.environ.setdefault("OMP_NUM_THREADS", "1")

__version__ = "0.1.0"
