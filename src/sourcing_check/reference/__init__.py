"""Reference tables (living wages, currency rates): their models and lookups; no file reading."""
