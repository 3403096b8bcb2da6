from docintake.cli import main

main()
