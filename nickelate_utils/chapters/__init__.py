"""The book's chapter modules: this paper's numbers, reconstructions, source-data loading and
claims, one module per data package under ``data/`` (``growth``, ``distortion``, ``transport``,
``hc2``, ``meissner``, ``structure``), plus helpers of chapter 3 (``transport_curves``,
``transport_checks``) and chapter 6 (``phase_diagram``).

A chapter module may import ``nickelate_utils.physics``, ``claims`` and ``data``; the physics
never imports a chapter. ``nickelate_utils.register.CHAPTER_MODULES`` lists the modules whose
``claims()`` make the register.
"""
