"""Models of the certificates app arrive with its issue."""
