// Filled in by the self-assessment module.
