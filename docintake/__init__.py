"""docintake: read Thai official letters, tell each LAO what to do and by when."""

__version__ = "0.1.0"
