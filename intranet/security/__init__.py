"""Security measures that belong to no section: throttling of sign-in and of privacy
passwords, the content security policy, access to uploaded files, bidirectional
controls kept out of titles and the user the audit log records each change under.

Each section logs its own changes (``intranet.core.audit``)."""
