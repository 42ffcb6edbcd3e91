"""Security measures that belong to no section: sign-in throttling, the content
security policy, access to uploaded files and the audit log of the intranet's own changes."""
