"""Pure building blocks shared by the build hooks in ``hooks/``.

Nothing here imports MkDocs' event machinery: every function takes strings,
dicts and paths, so pytest can call it directly. The hooks in ``hooks/`` are the
thin MkDocs layer on top.
"""
