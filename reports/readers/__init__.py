"""Readers behind ``factrecon.reports.inputs``: bytes to text, HTML main text, front matter, paths."""
