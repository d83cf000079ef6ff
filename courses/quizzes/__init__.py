"""Knowledge checks: question blocks, attempts, grading, and the trainers' item analysis."""
