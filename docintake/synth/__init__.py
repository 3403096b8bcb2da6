"""Synthetic scans of Thai official-letter bundles, with exact ground truth.

``generate_corpus(outdir, n, seed)`` writes, for each bundle, the scan
(``.pdf``, multi-page ``.tiff``, or a one-page ``.jpg``/``.png``: image
formats hold single-page bundles only, so one file is always one bundle),
``<name>.truth.json`` (``docintake.models.TruthBundle``), and once per corpus
``corpus.json`` (manifest) and ``directory.csv`` (every organisation of the
districts that appear). Bundle ``i`` depends only on ``(seed, i)``, so a
larger ``n`` extends a corpus without changing its first bundles.
"""

from __future__ import annotations

from pathlib import Path

from docintake.synth.corpus import generate_bundle, generate_corpus

__all__ = ["generate_corpus", "generate_bundle"]
