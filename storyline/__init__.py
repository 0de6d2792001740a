"""storyline: news articles from many outlets and languages, turned into stories a person can check."""

__version__ = "0.1.0"
