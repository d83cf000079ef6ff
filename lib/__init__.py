"""The few helpers every app shares; imports nothing of ours."""
