"""Serving the atlas to many people: the launcher behind `make serve`, the proxy template, the image."""
