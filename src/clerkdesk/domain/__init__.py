"""Pure domain rules: enums, numbering, naming and text handling. No Qt, no database."""
