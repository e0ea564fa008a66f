"""Presentation: everything that turns data into words, keyboards, files and charts."""
