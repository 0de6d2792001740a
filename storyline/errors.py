"""Errors meant for the user: the CLI prints them as one line, never as a traceback."""


class StoryError(Exception):
    """The story stage cannot run as asked (e.g. a store built with another embedder)."""
