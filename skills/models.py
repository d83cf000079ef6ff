"""Models of the skills app arrive with its issue."""
