"""Dialogs, and the one object through which the main window asks the user anything."""
