"""Security measures that belong to no section: throttling of sign-in and of privacy
passwords, the content security policy, access to uploaded files, bidirectional
controls kept out of titles and the audit log of the intranet's own changes."""
