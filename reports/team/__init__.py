"""*My team* reports: what a manager (or an L&D admin, org-wide) sees of their people.

Every report reads through the people scope selector; query parameters only narrow.
"""
