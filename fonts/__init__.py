"""Tools that build the committed fonts in assets/fonts/ (see fonts/build.py)."""
