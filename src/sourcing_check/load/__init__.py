"""Stage 1, load: the only code that reads input files (YAML, JSON, CSV) into data and a map."""
