from qcdesk.app import main

main()
