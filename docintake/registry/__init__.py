"""The registry: letters, their chains and who must act on them, in SQLite.

``store`` owns the schema and the writes, ``graph`` the identity of letters and
the edges between them, ``route`` the addressee -> organisation step,
``tasks`` one task per (letter, LAO), ``queries`` what people ask for, and
``ingest`` stores one parsed file in one transaction.
"""
