"""Qt-free domain: stages, attendees, the event log, check-in, tickets, import and export."""
