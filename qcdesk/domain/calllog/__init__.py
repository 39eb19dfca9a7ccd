"""Telephony call logs: parsing them into calls with legs, and the timely-service figures.

Pure and Qt-free: parsers take bytes and return `ParsedCall` values plus the rows they could
not read (each naming its file, line and column); the services store them.
"""
