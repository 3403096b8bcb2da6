"""Synthetic scans of Thai official-letter bundles, with exact ground truth.

``generate_corpus(outdir, n, seed)`` writes, for each bundle, the scan
(``.pdf``, multi-page ``.tiff``, or a one-page ``.jpg``/``.png``: image
formats hold single-page bundles only, so one file is always one bundle),
``<name>.truth.json`` (``docintake.models.TruthBundle``), and once per corpus
``corpus.json`` (manifest) and ``directory.csv`` (every organisation of the
districts that appear). Bundle ``i`` depends only on ``(seed, i)``, so a
larger ``n`` extends a corpus without changing its first bundles.

Truth conventions beyond the parse contract (see ``samples/README.md``):
``page_texts`` hold one drawn line per text line in reading order (receipt
stamp, urgency stamp, ``ที่`` line, letterhead, date, fields, body,
signature, contact, QR caption, คำต่อ, slogan; page numbers first on later
pages); a ``ด่วนภายใน`` line always sits under a stamp word, which is the
``urgency``; a deadline's ``text`` is its whole sentence as composed; the
receipt ``office`` is what the stamp prints (a name or its short form).

Modules: ``vocab``/``topics`` (data), ``world`` (organisations), ``chain``
(plans), ``body``/``compose`` (wording + truth), ``wrap``/``layout``
(placing), ``draw`` (pixels), ``degrade`` (scan effects), ``corpus`` (files),
``samples`` (the committed demo set).
"""

from __future__ import annotations

from pathlib import Path

from docintake.synth.corpus import generate_bundle, generate_corpus

__all__ = ["generate_corpus", "generate_bundle"]
