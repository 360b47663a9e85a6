"""``python -m ddx_app`` and the ``ddx`` program."""


def main() -> None:
    from .cli import entry

    entry()


if __name__ == "__main__":
    main()
