"""leercyclus: keep a quality network's learning cycle in git, check it and build its reports."""

__version__ = "0.1.0"
