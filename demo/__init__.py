"""The bundled demo: a small news web written by us (site/), its sources, and its server.

`hzhk demo` serves it on 127.0.0.1 and runs the real pipeline over it; see demo/README.md.
"""
