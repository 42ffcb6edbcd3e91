"""What every section of the intranet uses, and which imports no section."""
