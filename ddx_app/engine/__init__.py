"""The scoring engine: posterior, explanations, next best tests, criteria, workups.

Pure functions of (knowledge base, recorded findings, prior mode); no I/O and no
global state. :func:`analyse` bundles everything a front end shows.
"""

from .analysis import Analysis, analyse
from .posterior import observed_states, posterior

__all__ = ["Analysis", "analyse", "observed_states", "posterior"]
