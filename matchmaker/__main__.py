import sys

from matchmaker.cli import main

sys.exit(main())
