"""Widgets and delegates of the main window."""
