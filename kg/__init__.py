"""ssb-kg: a knowledge graph of the solid-state battery industry.

Data flows one way: sources -> extraction -> claims -> graph -> queries / view / exports.
Each stage is a module with one job; see README.md for the map.
"""

__version__ = "0.1.0"
