"""Run leercyclus as ``python -m leercyclus``."""

from leercyclus.cli import main

if __name__ == "__main__":
    main()
