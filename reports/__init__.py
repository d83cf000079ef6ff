"""What managers and L&D admins read: *My team*, org-wide admin reports, exports.

Reads the apps below through their selectors; the export writers (CSV
formula-safe, XLSX) and background export jobs live here too.
"""
