// Filled in by the checklist module.
