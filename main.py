import sys

from qcdesk.app import main

sys.exit(main())
