#!/usr/bin/env python
"""Django's manage.py; `stdlink <command>` does the same and more."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
