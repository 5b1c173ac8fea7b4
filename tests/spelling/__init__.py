"""The guide's US English spell check: checker.py, the project word list and the British forms."""
