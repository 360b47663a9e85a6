"""Qt item models: adapters that expose the open case and its analysis to views."""
