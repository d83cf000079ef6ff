"""Organisation-wide training and skills reports in the Wagtail admin (L&D admins)."""
