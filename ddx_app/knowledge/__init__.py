"""Knowledge base: load, validate (schema + semantic checks), hash and cache.

Public entry points: :func:`load_knowledge_base`, :func:`bundled_kb_dir`,
:func:`check_knowledge_base` and the model classes in :mod:`.model`.
"""

from .loader import bundled_kb_dir, check_knowledge_base, load_knowledge_base
from .model import Entity, Finding, KnowledgeBase, Source, text

__all__ = [
    "Entity",
    "Finding",
    "KnowledgeBase",
    "Source",
    "bundled_kb_dir",
    "check_knowledge_base",
    "load_knowledge_base",
    "text",
]
